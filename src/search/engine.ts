/**
 * The site's search, in the browser: the site's Pagefind bundle
 * (/pagefind/pagefind.js, loaded on first use), whose `search` gives the
 * pages holding every term of the query in the order shown (title, then
 * section heading, then occurrences: phrase-search.ts), each with its
 * occurrences and its entry in the page list (URL, title, filters), and the
 * query cut into units. The 篇 and type filters and their counts are worked
 * out hit by hit: a page of one kind from the page list, a 章 holding a box
 * or the indicators table (or /boxes/, which shows several 篇) from its
 * fragment, where each hit has its place — so they are worked out only when
 * asked for (`byKind`).
 */
import { keepGroups, pageHits, type Fragment, type HitGroup, type PageHits } from './hits';
import type { IndexedPage } from './page-map';
import type { RankReason } from './phrase-search';
import { PAGEFIND_DIR } from './search-paths';

/** A result of the site's Pagefind search: `score` is the number of occurrences. */
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<Fragment>;
  page: IndexedPage | undefined;
  rank: RankReason;
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
   * Occurrences of the terms on the page that pass the filters: counted from
   * word positions, and exact (from the page's text) once its hits are loaded.
   */
  count: number;
  rank: RankReason;
  /** The page's hits that pass the filters, by place, with excerpts (Pagefind loads the page's fragment once). */
  hits: () => Promise<PageHits>;
}

/** What a filter value would give: pages and occurrences. */
export interface FilterCount {
  pages: number;
  hits: number;
}

/** What a search found. */
export interface SearchOutcome {
  query: string;
  /** The keys of each term. */
  terms: string[][];
  /** Pages holding every term, after the filters, best first. */
  results: SearchResult[];
  /** Occurrences on the pages listed (after the filters). */
  hits: number;
  /** Pages holding every term and their occurrences, before the filters. */
  unfiltered: FilterCount;
  /**
   * For each filter value: the pages and occurrences it would give, with the
   * other group's selection applied. A type value counts only the hits of its
   * kind (指标: inside the indicators table), so the type counts add up to the
   * occurrences found. Null when not worked out (`byKind: false`).
   */
  counts: { part: Map<string, FilterCount>; type: Map<string, FilterCount> } | null;
  /** Time taken (ms). */
  ms: number;
}

/** Hits of one kind and one 篇 on a page. */
interface Share {
  type: string;
  part: string | null;
  count: number;
}

const selects = (value: string | null, selected: readonly string[]) => selected.length === 0 || (value !== null && selected.includes(value));

/** The 篇 filter value of a group of hits on `page`: the page's own 篇, or on a page of several, its place's. */
function groupPart(page: IndexedPage, group: HitGroup): string | null {
  if (page.part.length <= 1) return page.part[0] ?? null;
  return group.part === null ? null : (page.part.find((value) => value.startsWith(`${group.part} `)) ?? null);
}

/** The search of a site deployed under `base` (`/` or `/plan/`). */
export class SiteSearch {
  private loading: Promise<PagefindModule> | null = null;
  private isLoaded = false;

  constructor(private readonly base: string) {}

  private url(path: string): string {
    return (this.base.endsWith('/') ? this.base.slice(0, -1) : this.base) + path;
  }

  /** Whether the index is loaded (a search answers without a download of the index's entry files). */
  get loaded(): boolean {
    return this.isLoaded;
  }

  /** Loads the site's Pagefind module (once). */
  ready(): Promise<PagefindModule> {
    this.loading ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ this.url(`${PAGEFIND_DIR}pagefind.js`))) as PagefindModule;
      this.isLoaded = true;
      return pagefind;
    })();
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /**
   * Searches `query` (terms separated by spaces) and applies `filters`.
   * `byKind: false` (the dialog, which shows no filters, and the search page
   * until its filters are used) skips reading the pages of several kinds to
   * share out their hits: no fragment is fetched for counts, and the filter
   * counts are null; a filter selected needs them, so it implies `byKind`.
   */
  async search(query: string, filters: FilterSelection = { part: [], type: [] }, { byKind = true } = {}): Promise<SearchOutcome> {
    const started = performance.now();
    byKind ||= filters.part.length + filters.type.length > 0;
    const pagefind = await this.ready();
    const response = await pagefind.search(query);
    const terms = response.unitTerms ?? [];
    const found = response.results.flatMap((result) => {
      const page = result.page;
      if (!page) return [];
      let hits: Promise<PageHits> | null = null;
      const all = () => (hits ??= result.data().then((f) => pageHits(f, terms, page.type)));
      return [{ page, score: result.score, all, rank: result.rank }];
    });
    // A page of one kind and one 篇 shares out its hits at once; others are read to place each hit.
    const shares = await Promise.all(
      found.map(async ({ page, score, all }): Promise<Share[]> => {
        if (!byKind || (page.type.length <= 1 && page.part.length <= 1)) return [{ type: page.type[0] ?? '', part: page.part[0] ?? null, count: score }];
        return (await all()).groups.map((g) => ({ type: g.type, part: groupPart(page, g), count: g.count }));
      }),
    );
    const counts = { part: new Map<string, FilterCount>(), type: new Map<string, FilterCount>() };
    const add = (map: Map<string, FilterCount>, value: string | null, hitsOnPage: number) => {
      if (value === null || hitsOnPage === 0) return;
      const count = map.get(value) ?? { pages: 0, hits: 0 };
      count.pages++;
      count.hits += hitsOnPage;
      map.set(value, count);
    };
    const sum = (list: readonly Share[]) => list.reduce((n, s) => n + s.count, 0);
    const results: SearchResult[] = [];
    found.forEach(({ page, all, rank }, i) => {
      const own = shares[i]!;
      if (!byKind) {
        results.push({ page, count: sum(own), rank, hits: all });
        return;
      }
      for (const value of new Set(own.map((s) => s.type))) add(counts.type, value, sum(own.filter((s) => s.type === value && selects(s.part, filters.part))));
      for (const value of new Set(own.map((s) => s.part))) add(counts.part, value, sum(own.filter((s) => s.part === value && selects(s.type, filters.type))));
      const kept = sum(own.filter((s) => selects(s.type, filters.type) && selects(s.part, filters.part)));
      if (kept === 0) return;
      const filtered = filters.type.length + filters.part.length > 0;
      const hits = filtered
        ? () => all().then((h) => keepGroups(h, (g) => selects(g.type, filters.type) && selects(groupPart(page, g), filters.part)))
        : all;
      results.push({ page, count: kept, rank, hits });
    });
    return {
      query,
      terms,
      results,
      hits: results.reduce((n, r) => n + r.count, 0),
      unfiltered: { pages: found.length, hits: shares.reduce((n, list) => n + sum(list), 0) },
      counts: byKind ? counts : null,
      ms: performance.now() - started,
    };
  }
}
