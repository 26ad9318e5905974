/**
 * The page list of the search index, written next to the search page at build
 * time from Pagefind's own fragments: a search result carries only a page id,
 * and this list gives its URL, title and filters without fetching a fragment
 * for every result (a broad term is on most of the site's pages).
 */
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
  /** The texts of its section headings (h2–h6, box titles too), for ranking a query found in one. */
  headings: string[];
}

/** The file's content. */
export interface PageMap {
  pages: IndexedPage[];
}

/** The page list from the fragments (id → fragment), sorted by URL for stable output. */
export function pageMapOf(fragments: ReadonlyMap<string, Pick<FragmentData, 'url' | 'meta' | 'filters' | 'anchors'>>): PageMap {
  const pages = [...fragments].map(([id, f]) => ({
    id,
    url: f.url,
    title: f.meta.title ?? f.url,
    part: f.filters.part ?? [],
    type: f.filters.type ?? [],
    headings: f.anchors.filter((a) => /^h[2-6]$/.test(a.element)).map((a) => a.text.replace(/\s+/gu, '')),
  }));
  pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { pages };
}
