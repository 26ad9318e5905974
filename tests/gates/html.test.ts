/**
 * Gate: valid HTML. html-validate finds no error on any built page (rules in
 * validate-html.ts; of the /page/P/ redirects, which differ only in number and
 * link, on one) — an id twice on a page included (its rule no-dup-id); it is
 * seen to catch an invalid element and a repeated id planted in a copy of the
 * build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD, ensureBuilt } from '../site/build-site';
import { htmlFiles } from '../site/html';
import { copySite, editPage } from './gate-site';
import { htmlErrors } from './validate-html';

let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
});

describe('HTML gate', () => {
  it('finds no html-validate error on any built page', async () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(200);
    // The 218 /page/P/ redirects are one template filled with a page number
    // and a link: checked here to differ from the first in those alone, that
    // one stands for them all (html-validate's cost is mostly per page).
    const redirects = files.filter((rel) => /^page[\\/]\d+[\\/]index\.html$/.test(rel));
    expect(redirects.length).toBeGreaterThan(200);
    const shape = (rel: string) =>
      readFileSync(path.join(outDir, rel), 'utf8')
        .replace(/\d+/g, '0')
        .replace(/[^"= ]*#page-0/g, 'LINK');
    const first = shape(redirects[0]!);
    expect(redirects.filter((rel) => shape(rel) !== first)).toEqual([]);
    const validated = files.filter((rel) => !redirects.includes(rel) || rel === redirects[0]);
    expect(await htmlErrors(outDir, validated)).toEqual([]);
  });

  it('catches an invalid element and a repeated id in a damaged copy', async () => {
    const copy = copySite(outDir, 'html');
    // A block element inside a paragraph, and an element HTML does not have.
    editPage(copy, '/part-1/chapter-1/', (html) => html.replace('<p>', '<p><div>块</div><blink>闪</blink>'));
    editPage(copy, '/part-5/chapter-2/', (html) => html.replace('id="section-2"', 'id="section-1"'));
    const errors = await htmlErrors(copy, ['part-1/chapter-1/index.html', 'part-5/chapter-2/index.html']);
    expect(errors.some((e) => e.startsWith('part-1/chapter-1/index.html') && / (element-permitted-content|close-order|no-implicit-close): /.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith('part-1/chapter-1/index.html') && / (deprecated|element-name): .*blink/.test(e))).toBe(true);
    expect(errors.filter((e) => e.startsWith('part-5/chapter-2/index.html') && / no-dup-id: /.test(e))).toEqual([
      expect.stringMatching(/ no-dup-id: .*"section-1"/),
    ]);
  });
});
