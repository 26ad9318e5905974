/**
 * The pages the search index is given while Astro renders them
 * (src/search/index-feed.ts): the same index from every build of the same
 * inputs, whatever order a route's pages were rendered in, and a build that
 * fails, naming the page, when the index was not given a page it would be
 * searched on, or was given it otherwise than it was written.
 */
import { describe, expect, it } from 'vitest';
import { IndexFeed, feedProblems, type FedPage } from '../../src/search/index-feed';
import { builtFileOf } from '../../src/search/page-feed';

const page = (title: string) => `<html><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;
const NAV = '<html><body><main><h1>目录</h1></main></body></html>';

/** The files sent to Pagefind, in order, when the pages are rendered in the order given. */
function sentOrder(rendered: [route: string, pathname: string, html: string][]): string[] {
  const sent: FedPage[] = [];
  const feed = new IndexFeed('/plan/', (p) => sent.push(p));
  for (const [route, pathname, html] of rendered) feed.page({ route, pathname, html });
  feed.end();
  return sent.map((p) => p.sourcePath);
}

describe('the search index feed', () => {
  it("sends each route's pages in the order of their files, whatever order they were rendered in, and only pages Pagefind indexes", () => {
    const docs = '/[...slug]';
    const one = sentOrder([
      [docs, '/plan/part-2/', page('第二篇')],
      [docs, '/plan/part-1/chapter-1/', page('第一章')],
      [docs, '/plan/part-1/', page('第一篇')],
      ['/contents', '/plan/contents/', NAV],
      ['/', '/plan/', page('纲要')],
    ]);
    const other = sentOrder([
      [docs, '/plan/part-1/', page('第一篇')],
      [docs, '/plan/part-2/', page('第二篇')],
      [docs, '/plan/part-1/chapter-1/', page('第一章')],
      ['/contents', '/plan/contents/', NAV],
      ['/', '/plan/', page('纲要')],
    ]);
    expect(one).toEqual(['part-1/chapter-1/index.html', 'part-1/index.html', 'part-2/index.html', 'index.html']);
    expect(other).toEqual(one);
  });

  it('names the built files as Astro writes them', () => {
    expect(builtFileOf('/plan/part-7/chapter-4/', '/plan/')).toBe('part-7/chapter-4/index.html');
    expect(builtFileOf('/', '/')).toBe('index.html');
    expect(builtFileOf('/404', '/')).toBe('404.html');
  });

  describe('checked against the pages written', () => {
    const same = (a: string, b: string) => a === b;
    const built = new Map([
      ['index.html', page('纲要')],
      ['part-1/index.html', page('第一篇')],
      ['contents/index.html', NAV],
    ]);

    it('is right when it was given every page Pagefind would index, as written', () => {
      const fed = new Map([...built].filter(([file]) => file !== 'contents/index.html'));
      expect(feedProblems(fed, built, same)).toEqual([]);
    });

    it('fails when a page Pagefind would index was not given to it', () => {
      const fed = new Map([['index.html', page('纲要')]]);
      expect(feedProblems(fed, built, same)).toEqual(['part-1/index.html has data-pagefind-body but was not given to the index']);
    });

    it('fails when a page was written otherwise than it was indexed, or not written', () => {
      const fed = new Map([
        ['index.html', page('纲要')],
        ['part-1/index.html', page('第一编')],
        ['part-2/index.html', page('第二篇')],
      ]);
      expect(feedProblems(fed, built, same)).toEqual(['part-1/index.html was written otherwise than it was indexed', 'part-2/index.html was indexed but not written']);
    });

    it('fails when it was given no page at all, not writing an empty index', () => {
      expect(feedProblems(new Map(), built, same)).toHaveLength(1);
      expect(feedProblems(new Map(), built, same)[0]).toMatch(/no page was given to the index/);
    });
  });
});
