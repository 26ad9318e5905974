/**
 * Gate: valid HTML. html-validate finds no error on any built page (rules in
 * validate-html.ts), and no page has an id twice; both are seen to catch an
 * invalid element and a repeated id planted in a copy of the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD, ensureBuilt } from '../site/build-site';
import { htmlFiles } from '../site/html';
import { copySite, editPage } from './gate-site';
import { duplicateIds, htmlErrors } from './validate-html';

let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
});

describe('HTML gate', () => {
  it('finds no html-validate error on any built page', async () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(200);
    expect(await htmlErrors(outDir, files)).toEqual([]);
  });

  it('finds no page with an id twice', () => {
    expect(duplicateIds(outDir, htmlFiles(outDir))).toEqual([]);
  });

  it('catches an invalid element and a repeated id in a damaged copy', async () => {
    const copy = copySite(outDir, 'html');
    // A block element inside a paragraph, and an element HTML does not have.
    editPage(copy, '/part-1/chapter-1/', (html) => html.replace('<p>', '<p><div>块</div><blink>闪</blink>'));
    editPage(copy, '/part-5/chapter-2/', (html) => html.replace('id="section-2"', 'id="section-1"'));
    const errors = await htmlErrors(copy, ['part-1/chapter-1/index.html', 'part-5/chapter-2/index.html']);
    expect(errors.some((e) => e.startsWith('part-1/chapter-1/index.html') && / (element-permitted-content|close-order|no-implicit-close): /.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith('part-1/chapter-1/index.html') && / (deprecated|element-name): .*blink/.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith('part-5/chapter-2/index.html') && / no-dup-id: /.test(e))).toBe(true);
    expect(duplicateIds(copy, ['part-5/chapter-2/index.html'])).toEqual(['part-5/chapter-2/index.html: #section-1 ×2']);
  });
});
