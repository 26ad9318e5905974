/**
 * The Pagefind internals the site relies on (src/search/pagefind-internals.ts),
 * checked against the installed Pagefind: a page is indexed with its Node API
 * and the fragment it writes is read back. An upgrade that changes the
 * fragment format, which elements text runs on across, which elements are
 * dropped, or how anchors are recorded fails here.
 */
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { CORE_OPTIONS, INLINE_ELEMENTS, REMOVED_ELEMENTS, parseFragment, type FragmentData } from '../../src/search/pagefind-internals';

const VOID = new Set(['br', 'img', 'input']);
const inline = [...INLINE_ELEMENTS].filter((tag) => !VOID.has(tag) && !REMOVED_ELEMENTS.has(tag));
const removed = [...REMOVED_ELEMENTS].filter((tag) => tag !== 'head');

/** Indexes one page (`body` inside `<main data-pagefind-body>`) and returns its fragment. */
async function fragmentOf(body: string): Promise<FragmentData> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(errors.join('; '));
  const html = `<!doctype html><html lang="und"><head><title>t</title></head><body><main data-pagefind-body>${body}</main></body></html>`;
  const added = await index.addHTMLFile({ url: '/x/', content: html });
  expect(added.errors).toEqual([]);
  const { files } = await index.getFiles();
  const fragments = files.filter((f) => f.path.startsWith('fragment/'));
  expect(fragments).toHaveLength(1);
  return parseFragment(gunzipSync(Buffer.from(fragments[0]!.content)).toString('utf8'));
}

afterAll(() => pagefind.close());

describe('Pagefind internals the site relies on', () => {
  it('writes a fragment as its signature and JSON with url, content, filters, meta and anchors', async () => {
    const f = await fragmentOf('<h1>标 题</h1><h2 id="section-1">碳 达 峰</h2><aside id="box-1"><p>己 庚</p></aside><i id="box-1--end"></i><div data-pagefind-filter="type">正文</div>');
    expect(f.url).toBe('/x/');
    expect(f.meta.title).toBe('标 题');
    expect(f.filters).toEqual({ type: ['正文'] });
    // Words separated by spaces, a block's end written as `.`; an anchor at the word where its element starts.
    expect(f.content).toBe('标 题. 碳 达 峰. 己 庚. 正文.');
    expect(f.anchors.map(({ element, id, location }) => ({ element, id, location }))).toEqual([
      { element: 'h2', id: 'section-1', location: 2 },
      { element: 'aside', id: 'box-1', location: 5 },
      { element: 'i', id: 'box-1--end', location: 7 },
    ]);
  }, 30_000);

  it(`runs text on across the inline elements (${inline.length}) and never indexes the removed ones (${removed.length})`, async () => {
    const body = [
      ...inline.map((tag) => `<p>甲<${tag}>乙</${tag}>丙</p>`),
      ...removed.map((tag) => `<div>丁<${tag}>不</${tag}>戊</div>`),
      '<p>己<div>庚</div>辛</p>',
    ].join('');
    const words = (await fragmentOf(body)).content.split(' ');
    expect(words.slice(0, inline.length)).toEqual(inline.map(() => '甲乙丙.'));
    expect(words.slice(inline.length, inline.length + removed.length)).toEqual(removed.map(() => '丁戊.'));
    // A block element ends the run.
    expect(words.slice(inline.length + removed.length)).not.toContain('己庚辛.');
  }, 30_000);

  it(`starts its module with the options the site sets (${CORE_OPTIONS.join(', ')}), a worker it can do without, and its files beside it`, async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
    if (!index) throw new Error(errors.join('; '));
    await index.addHTMLFile({ url: '/x/', content: '<html><body><main data-pagefind-body>甲</main></body></html>' });
    const { files } = await index.getFiles();
    const module = Buffer.from(files.find((f) => f.path === 'pagefind.js')!.content).toString('utf8');
    // Pagefind's module reads each option from the options it is started with; the worker is its own file.
    for (const option of CORE_OPTIONS) expect(module, option).toMatch(new RegExp(`\\.${option}\\b`));
    expect(module).toMatch(/initOptions\.noWorker\)\{?[^}]*\binitSharedWorker|!this\.initOptions\.noWorker/);
    expect(files.map((f) => f.path)).toContain('pagefind-worker.js');
    // With no basePath, it finds its files beside its own URL, which ends in pagefind.js (the site's bundle keeps that name).
    expect(module).toContain('import.meta.url.match(/^(.*\\/)pagefind.js.*$/)');
  }, 30_000);
});
