/**
 * Gate: the published-URL contract (tests/urls.txt) — teachers paste these
 * links into slides for years. The list names every /page/P/ of the printed
 * plan and every /packages/N/ of the 附表; the built site serves every listed
 * URL; and the list is complete (every page the build makes is on it, so a
 * page that disappears is noticed). Seen to catch a page dropped from the
 * build and a URL dropped from the list.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGE, LAST_PAGE } from '../../src/site/plan/page-locations';
import { packagePath, pageRedirectPath } from '../../src/site/site-paths';
import { DEFAULT_BUILD, ROOT, ensureBuilt } from '../site/build-site';
import { fileForPath, htmlFiles, pathOfFile } from '../site/html';
import { copySite, listedUrls } from './gate-site';

let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
});

/** The URLs the list must have whatever else changes: every printed page and every package. */
function requiredUrls(): string[] {
  const packages = JSON.parse(readFileSync(path.join(ROOT, 'content/data/packages.json'), 'utf8')) as { packages: { no: number }[] };
  return [
    ...Array.from({ length: LAST_PAGE - FIRST_PAGE + 1 }, (_, i) => pageRedirectPath(FIRST_PAGE + i)),
    ...packages.packages.map((p) => packagePath(p.no)),
  ];
}

/** Required URLs missing from `listed`. */
const unrequired = (listed: readonly string[]) => requiredUrls().filter((url) => !listed.includes(url));

/** Listed URLs the build in `dir` does not serve. */
const unserved = (dir: string, listed: readonly string[]) => listed.filter((url) => !existsSync(fileForPath(dir, url)));

/** Pages of the build in `dir` that the list lacks (the 404 page is no URL). */
const unlisted = (dir: string, listed: readonly string[]) =>
  htmlFiles(dir)
    .map(pathOfFile)
    .filter((url) => url !== '/404.html' && !listed.includes(url));

describe('URLs gate', () => {
  it('lists every /page/P/ (P = 1…218) and every /packages/N/ of the 附表', () => {
    expect(requiredUrls().length).toBe(LAST_PAGE + 10);
    expect(unrequired(listedUrls())).toEqual([]);
  });

  it('serves every listed URL, and lists every page the build makes', () => {
    const listed = listedUrls();
    expect(new Set(listed).size).toBe(listed.length);
    expect(unserved(outDir, listed)).toEqual([]);
    expect(unlisted(outDir, listed)).toEqual([]);
  });

  it('catches pages missing from the build and URLs missing from the list', () => {
    const copy = copySite(outDir, 'urls');
    for (const url of ['/page/7/', '/packages/3/']) rmSync(fileForPath(copy, url));
    const unservedBefore = new Set(unserved(outDir, listedUrls()));
    expect(unserved(copy, listedUrls()).filter((url) => !unservedBefore.has(url)).sort()).toEqual(['/packages/3/', '/page/7/']);
    const shortList = listedUrls().filter((url) => !['/part-2/chapter-1/', '/page/7/', '/packages/3/'].includes(url));
    // Only what the damage added counts (the real build's own findings are the test above).
    const before = new Set(unlisted(outDir, listedUrls()));
    expect(unlisted(outDir, shortList).filter((url) => !before.has(url)).sort()).toEqual(['/packages/3/', '/page/7/', '/part-2/chapter-1/']);
    expect(unrequired(shortList)).toEqual(['/page/7/', '/packages/3/']);
  });
});
