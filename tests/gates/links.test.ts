/**
 * Gate: no broken link. Every internal link and #fragment of the built site
 * resolves, deployed at `/` and under BASE_PATH=/plan/; and the checker is
 * seen to catch a broken anchor, a missing page and a link that ignores the
 * base path, planted in a copy of the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD, SUBPATH_BUILD, ensureBuilt } from '../site/build-site';
import { readPage } from '../site/html';
import { brokenLinks } from './check-links';
import { copySite, editPage } from './gate-site';

let outDir: string;
let subpathDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  subpathDir = await ensureBuilt(SUBPATH_BUILD);
});

describe('links gate', () => {
  it('resolves every internal link and fragment (base /)', async () => {
    expect(await brokenLinks(outDir, DEFAULT_BUILD.base)).toEqual([]);
  });

  it('resolves every internal link and fragment when deployed under BASE_PATH=/plan/', async () => {
    expect(readPage(subpathDir, '/page/1/')).toContain('url=/plan/');
    expect(await brokenLinks(subpathDir, SUBPATH_BUILD.base, { siteUrl: SUBPATH_BUILD.site })).toEqual([]);
  });

  it('catches a broken anchor, a missing page and a link outside the base in a damaged copy', async () => {
    const copy = copySite(outDir, 'links');
    // The whole 目录 (/contents/) links every section; point one at a section that does not exist.
    editPage(copy, '/contents/', (html) => html.replace('href="/part-5/chapter-2/#section-3"', 'href="/part-5/chapter-2/#section-99"'));
    editPage(copy, '/part-1/', (html) => html.replace('href="/part-1/chapter-1/"', 'href="/part-1/chapter-99/"'));
    // The damaged pages are read as the whole build's are (the first test): they give exactly the damage.
    const damaged = ['contents/index.html', 'part-1/index.html'];
    expect((await brokenLinks(copy, '/', { pages: damaged })).sort()).toEqual(
      ['contents/index.html: /part-5/chapter-2/#section-99 (no #section-99)', 'part-1/index.html: /part-1/chapter-99/'].sort(),
    );
    // The same copy served under /plan/: every root-relative link is now outside the base.
    expect((await brokenLinks(copy, '/plan/', { pages: damaged })).some((b) => b.includes('(outside base /plan/)'))).toBe(true);
  });
});
