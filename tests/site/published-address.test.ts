/**
 * What address the build itself writes. Without SITE_URL (the default build)
 * none: no file of dist/ names a development address, and there is no
 * canonical link, og:url or sitemap. With SITE_URL (the sub-path build,
 * published at https://gangyao.example/plan/) every page names its absolute
 * address there, and the sitemap lists them. (The addresses a reader copies
 * are the browser's: tests/browser/served-address.test.ts.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPageRedirect } from '../../src/site/site-paths';
import { DEFAULT_BUILD, SUBPATH_BUILD, ensureBuilt } from './build-site';
import { elementsOf, htmlFiles, pathOfFile } from './html';

/** Every file of a build, relative to it. */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

/** Addresses of a development server, written any way a build could write them. */
const DEVELOPMENT = [/localhost/i, /127\.0\.0\.1/, /\[::1\]/, /:4321\b/];

/** Every match of `pattern`'s group in the sitemap's XML. */
const attribute = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((m) => m[1]!);
/** The canonical addresses and og:url values of a page, read from its tree. */
const canonicalOf = (html: string) => elementsOf(html, 'link[rel~="canonical"]').map((e) => String(e.properties.href));
const ogUrlOf = (html: string) => elementsOf(html, 'meta[property="og:url"]').map((e) => String(e.properties.content));

describe('a build without SITE_URL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await ensureBuilt(DEFAULT_BUILD);
  }, 600_000);

  it('names no development address in any file', () => {
    const files = allFiles(dir);
    expect(files.length).toBeGreaterThan(300);
    const named = files.flatMap((rel) => {
      // latin1 reads every byte, so binary files (wasm, Pagefind's index) are searched too.
      const text = readFileSync(path.join(dir, rel), 'latin1');
      return DEVELOPMENT.filter((pattern) => pattern.test(text)).map((pattern) => `${rel}: ${pattern}`);
    });
    expect(named).toEqual([]);
  });

  it('has no canonical link, og:url or sitemap', () => {
    for (const rel of htmlFiles(dir)) {
      const html = readFileSync(path.join(dir, rel), 'utf8');
      expect(html, rel).not.toMatch(/rel="canonical"|property="og:url"|rel="sitemap"/);
    }
    expect(allFiles(dir).filter((rel) => rel.startsWith('sitemap'))).toEqual([]);
  });
});

describe('a build with SITE_URL', () => {
  const site = SUBPATH_BUILD.site!;
  const published = (urlPath: string) => `${site}${SUBPATH_BUILD.base}${urlPath.slice(1)}`;
  let dir: string;
  beforeAll(async () => {
    dir = await ensureBuilt(SUBPATH_BUILD);
  }, 600_000);

  it('gives every page its absolute canonical address and og:url there', () => {
    let pages = 0;
    for (const rel of htmlFiles(dir)) {
      const urlPath = pathOfFile(rel);
      if (urlPath === '/404.html') continue;
      const html = readFileSync(path.join(dir, rel), 'utf8');
      const canonical = canonicalOf(html);
      if (isPageRedirect(urlPath)) {
        // A /page/P/ redirect names the page it leads to.
        expect(canonical, rel).toHaveLength(1);
        expect(canonical[0]!.startsWith(`${site}${SUBPATH_BUILD.base}`), rel).toBe(true);
        continue;
      }
      expect(canonical, rel).toEqual([published(urlPath)]);
      expect(ogUrlOf(html), rel).toEqual([published(urlPath)]);
      pages++;
    }
    expect(pages).toBeGreaterThan(80);
  });

  it('writes a sitemap of absolute addresses, without the /page/P/ redirects', () => {
    expect(existsSync(path.join(dir, 'sitemap-index.xml'))).toBe(true);
    const locs = allFiles(dir)
      .filter((rel) => /^sitemap-\d+\.xml$/.test(rel))
      .flatMap((rel) => attribute(readFileSync(path.join(dir, rel), 'utf8'), /<loc>([^<]+)<\/loc>/g));
    expect(locs).toContain(published('/part-7/chapter-4/'));
    expect(locs).toContain(published('/about/'));
    expect(locs).toContain(published('/full/'));
    expect(locs.filter((loc) => !loc.startsWith(`${site}${SUBPATH_BUILD.base}`))).toEqual([]);
    expect(locs.filter((loc) => loc.includes('/page/'))).toEqual([]);
  });
});
