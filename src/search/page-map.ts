/**
 * The page list of the search index (/search/pages.json), written at build
 * time: a search result carries only Pagefind's page id, and this list gives
 * its URL, title and filters without fetching a fragment for every result (a
 * broad term is on most of the site's pages).
 *
 * The filters are the model's (filters.ts over plan.json); the URL and title
 * are those of each page as the site built it from the model, as Pagefind's
 * `addHTMLFile` reports them. Of Pagefind's own files only each page's id and
 * where its section headings stand are taken (pagefind-internals.ts: the
 * fragment named by the id holds its URL and anchors).
 */
import type { Plan } from '../convert/model';
import { searchFilters } from './filters';
import { headingSpan } from './hits';
import type { FragmentData } from './pagefind-internals';

/** One indexed page. */
export interface IndexedPage {
  /** Pagefind's page id (the name of its fragment file). */
  id: string;
  /** Site path, without the deployment base. */
  url: string;
  title: string;
  /** Values of the `part` filter (篇). */
  part: string[];
  /** Values of the `type` filter. */
  type: string[];
  /**
   * Where its section headings (h2–h6, box titles too) stand among its
   * indexed words, `[first word, number of words]`, for ranking a query found
   * in one: a search result's word positions say whether a run of the query
   * lies inside one, without the heading's text.
   */
  headings: [number, number][];
}

/** The file's content. */
export interface PageMap {
  pages: IndexedPage[];
}

/**
 * The page list of the pages Pagefind indexed (`fragments`: page id → the
 * URL and anchors Pagefind recorded), with their titles (`titleOf`: URL →
 * title, as the site gave them), sorted by URL for stable output. Throws when
 * a page is indexed that the model gives no search type, or that has no title.
 */
export function pageMapOf(plan: Plan, fragments: ReadonlyMap<string, Pick<FragmentData, 'url' | 'anchors'>>, titleOf: ReadonlyMap<string, string>): PageMap {
  const pages = [...fragments].map(([id, { url, anchors }]) => {
    const title = titleOf.get(url);
    if (title === undefined) throw new Error(`search index: no title for ${url}`);
    const filters = searchFilters(plan, url);
    if (filters.type.length === 0) throw new Error(`search index: ${url} is indexed, but the model gives it no search type`);
    const headings = anchors.filter((a) => /^h[2-6]$/.test(a.element)).map(headingSpan);
    return { id, url, title, ...filters, headings };
  });
  pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { pages };
}
