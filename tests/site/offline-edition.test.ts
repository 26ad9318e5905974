/**
 * What the service worker keeps offline (src/site/integrations/offline-edition.ts):
 * the shell a first visit precaches, and the edition saved only when cheap or asked for.
 */
import { describe, expect, it } from 'vitest';
import { editionUrl, offlinePart, offlineParts } from '../../src/site/integrations/offline-edition';

describe('offline parts', () => {
  it('precaches only the 404 page, the site code and the top-level files every page loads', () => {
    for (const rel of ['404.html', '_astro/page.B1D-nYk3.js', '_astro/index.VKZ2B2wT.css', 'offline-control.js', 'favicon.svg', 'manifest.webmanifest']) {
      expect(offlinePart(rel), rel).toBe('shell');
    }
  });

  it('saves every page and the search index with the edition, never the worker, the headers or the take-away files', () => {
    for (const rel of ['index.html', 'part-7/chapter-4/index.html', 'page/103/index.html', 'full/index.html', 'data/index.html', 'pagefind/pagefind.js', 'pagefind/index/und_1.pf_index', 'icons/icon-192.png']) {
      expect(offlinePart(rel), rel).toBe('edition');
    }
    for (const rel of ['sw.js', 'sw-edition.js', 'offline-edition.json', '_headers', 'data/plan.json', 'downloads/beijing-14th-five-year-plan.epub', 'sitemap-index.xml']) {
      expect(offlinePart(rel), rel).toBe('none');
    }
  });

  it('names a page by the address a browser asks for', () => {
    expect(editionUrl('index.html')).toBe('');
    expect(editionUrl('part-2/index.html')).toBe('part-2/');
    expect(editionUrl('pagefind/pagefind.js')).toBe('pagefind/pagefind.js');
  });

  it('gives the edition a new revision when a file changes, and no revision to content-hashed names', () => {
    const hashOf = (text: string) => text;
    const files = [
      { rel: 'part-1/index.html', hash: 'a', gzipBytes: 100 },
      { rel: 'pagefind/index/und_1.pf_index', hash: 'b', gzipBytes: 50 },
      { rel: '404.html', hash: 'c', gzipBytes: 30 },
    ];
    const { shell, edition } = offlineParts(files, hashOf);
    expect(shell).toEqual(['404.html']);
    expect(edition.files).toEqual([
      ['pagefind/index/und_1.pf_index', ''],
      ['part-1/', 'a'],
    ]);
    expect(edition.gzipBytes).toBe(150);
    const changed = offlineParts([{ ...files[0]!, hash: 'z' }, ...files.slice(1)], hashOf).edition;
    expect(changed.revision).not.toBe(edition.revision);
  });
});
