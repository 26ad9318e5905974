/**
 * The site's search, in the browser: the site's Pagefind bundle
 * (/pagefind/pagefind.js, whose `search` runs over the index of search
 * units: phrase-search.ts) and the page list (/search/pages.json), loaded on
 * first use. Pagefind gives the pages holding every term of the query, best
 * first (the first ten ranked on their text), with their occurrences and the
 * query cut into units; the page list gives their URLs, titles and filters.
 * The 篇 and type filters and their counts are worked out from the page list.
 */
import { pageHits, type Fragment, type PageHits } from './hits';
import type { IndexedPage, PageMap } from './page-map';
import { PAGEFIND_DIR, PAGE_MAP_PATH } from './search-paths';

/** A result of the site's Pagefind search: `score` is the number of occurrences. */
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<Fragment>;
}

/** The site's Pagefind module (pagefind-entry.ts). */
interface PagefindModule {
  search: (term: string) => Promise<{ results: PagefindResult[]; unitTerms?: string[][] }>;
}

/** Selected filter values; an empty list does not filter. */
export interface FilterSelection {
  part: string[];
  type: string[];
}

/** One page found. */
export interface SearchResult {
  page: IndexedPage;
  /**
   * Occurrences of the terms on the page: counted from word positions, and
   * exact (from the page's text) once its hits are loaded.
   */
  count: number;
  /** The page's hits by place, with excerpts (Pagefind loads the page's fragment once). */
  hits: () => Promise<PageHits>;
}

/** What a search found. */
export interface SearchOutcome {
  query: string;
  /** The keys of each term. */
  terms: string[][];
  /** Pages holding every term, after the filters, best first. */
  results: SearchResult[];
  /** Pages holding every term, before the filters. */
  unfiltered: number;
  /** For each filter value: pages it would give, with the other group's selection applied. */
  counts: { part: Map<string, number>; type: Map<string, number> };
  /** Time taken (ms). */
  ms: number;
}

const matches = (values: readonly string[], selected: readonly string[]) =>
  selected.length === 0 || values.some((v) => selected.includes(v));

/** The search of a site deployed under `base` (`/` or `/plan/`). */
export class SiteSearch {
  private loading: Promise<{ pagefind: PagefindModule; pages: Map<string, IndexedPage> }> | null = null;

  constructor(private readonly base: string) {}

  private url(path: string): string {
    return (this.base.endsWith('/') ? this.base.slice(0, -1) : this.base) + path;
  }

  /** Loads Pagefind and the page list (once). */
  ready(): Promise<{ pagefind: PagefindModule; pages: Map<string, IndexedPage> }> {
    this.loading ??= (async () => {
      const [pagefind, map] = await Promise.all([
        import(/* @vite-ignore */ this.url(`${PAGEFIND_DIR}pagefind.js`)) as Promise<PagefindModule>,
        fetch(this.url(PAGE_MAP_PATH)).then((r) => {
          if (!r.ok) throw new Error(`search page list: HTTP ${r.status}`);
          return r.json() as Promise<PageMap>;
        }),
      ]);
      return { pagefind, pages: new Map(map.pages.map((p) => [p.id, p])) };
    })();
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** Searches `query` (terms separated by spaces) and applies `filters`. */
  async search(query: string, filters: FilterSelection = { part: [], type: [] }): Promise<SearchOutcome> {
    const started = performance.now();
    const { pagefind, pages } = await this.ready();
    const response = await pagefind.search(query);
    const terms = response.unitTerms ?? [];
    const all = response.results
      .filter((result) => pages.has(result.id))
      .map((result): SearchResult => {
        const page = pages.get(result.id)!;
        let hits: Promise<PageHits> | null = null;
        return { page, count: result.score, hits: () => (hits ??= result.data().then((f) => pageHits(f, terms))) };
      });
    const counts = { part: new Map<string, number>(), type: new Map<string, number>() };
    for (const { page } of all) {
      if (matches(page.type, filters.type)) for (const v of page.part) counts.part.set(v, (counts.part.get(v) ?? 0) + 1);
      if (matches(page.part, filters.part)) for (const v of page.type) counts.type.set(v, (counts.type.get(v) ?? 0) + 1);
    }
    const results = all.filter(({ page }) => matches(page.part, filters.part) && matches(page.type, filters.type));
    return { query, terms, results, unfiltered: all.length, counts, ms: performance.now() - started };
  }
}
