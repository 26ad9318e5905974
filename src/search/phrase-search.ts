/**
 * Search over the index of search units (units.ts), on top of Pagefind's own
 * search function; the site's bundle exports it as `search` (see
 * pagefind-entry.ts), so every caller of /pagefind/pagefind.js — the site's
 * search page and dialog, or anyone importing the bundle — gets the same
 * results in the same order.
 *
 * Each term of a query (terms are separated by spaces) runs twice through
 * Pagefind: as the exact phrase of its units (`"碳 达 峰"`) — which pages
 * hold the term — and as the plain units, whose word positions on each page
 * give how often the term occurs there (positions where the units stand in a
 * row). Each distinct unit costs an index chunk of ~30 KB on first use, so
 * a term is looked up by its first FIRST_PROBE_UNITS units; when more pages
 * hold them than the REFINED_RESULTS a search reads anyway, by its first
 * PROBE_UNITS. When the units looked up are fewer than the term's, the pages
 * found are read to keep those that hold all of it. A page is a result when
 * it holds every term.
 *
 * Results are ranked as a reference work ranks them: a page whose title
 * holds the query first, then one with a section heading (or box title) that
 * holds it — a run of every term among the heading's words — then the rest
 * (`rankReason`, with the titles and heading places of the page list:
 * page-map.ts); within each, by occurrences. The first REFINED_RESULTS are then read and
 * re-ranked within their group on their text: first by how often the query
 * occurs as typed, punctuation included (so “两区” puts the pages with the
 * quoted name first), then by their exact counts. Results come in Pagefind's
 * shape, with the site's fields: `score` is the number of occurrences,
 * `words` their word positions, `page` the page list's entry and `rank` why
 * it stands where it does. The response also carries the query cut into
 * units (`unitTerms`), so a caller need not cut it again.
 *
 * This module imports nothing but units.ts: it is shipped as it is, next to
 * Pagefind's files.
 */
import type { IndexedPage } from './page-map';
import { findKeyRuns, queryTerms, termKeys, unitKey } from './units';

/** A result of Pagefind's search (the part used here). */
export interface CoreResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<{ content: string }>;
}

/** Why a page ranks where it does: its title holds the query, a section heading does, or only its text. */
export type RankReason = 'title' | 'heading' | 'text';

/** A result of the site's search: Pagefind's, with the page list's entry and the reason for its rank. */
export interface SiteResult extends CoreResult {
  page: IndexedPage | undefined;
  rank: RankReason;
}

/** A response of Pagefind's search (the part used here); `unitTerms` is the site's: the keys of each term. */
export interface CoreResponse<R extends CoreResult = CoreResult> {
  results: R[];
  unitTerms?: string[][];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
  timings?: unknown;
}

/** Pagefind's search function. */
export type CoreSearch = (term: string | null, options?: Record<string, unknown>) => Promise<CoreResponse | null>;

/** How many units of a term go to Pagefind at most. */
export const PROBE_UNITS = 4;

/**
 * How many units of a term go to Pagefind first: when no more pages than
 * REFINED_RESULTS hold them, those pages are read (as the best results are
 * anyway) instead of loading the index chunks of the term's other units.
 */
export const FIRST_PROBE_UNITS = 2;

/**
 * How many of the best results are re-ranked on their full text: the results
 * a search page shows first, with their excerpts, so their fragments are the
 * only ones a first query loads (each costs 2–9 KB). On the project's term
 * list four are needed: with three, top-1 falls to 94/95 (the page holding
 * “互联网+” with its quotes stands fourth before re-ranking).
 */
export const REFINED_RESULTS = 4;

/** How many times `n` positions stand in a row in `locations` (the term's units, in a row). */
export function runsOf(locations: readonly number[], n: number): number {
  return runStarts(locations, n).length;
}

/** The positions where `n` positions of `locations` stand in a row. */
function runStarts(locations: readonly number[], n: number): number[] {
  const set = new Set(locations);
  const starts: number[] = [];
  for (const start of [...set].sort((a, b) => a - b)) {
    let i = 1;
    while (i < n && set.has(start + i)) i++;
    if (i === n) starts.push(start);
  }
  return starts;
}

/** The Pagefind query of the exact phrase of `keys`, and of the plain keys. */
export function phraseQueries(keys: readonly string[]): { exact: string; plain: string } {
  return { exact: `"${keys.join(' ')}"`, plain: keys.join(' ') };
}

/** Whether `text` (a title) holds every term, unit for unit, punctuation aside. */
export function holdsTerms(text: string, terms: readonly (readonly string[])[]): boolean {
  const keys = termKeys(text);
  return terms.length > 0 && terms.every((term) => findKeyRuns(keys, term).length > 0);
}

/**
 * Why `page` ranks where it does for `terms`, whose runs on the page start at
 * the words `starts` (one list per term): its title holds every term, or one
 * of its headings holds a run of each.
 */
export function rankReason(
  page: Pick<IndexedPage, 'title' | 'headings'> | undefined,
  terms: readonly (readonly string[])[],
  starts: readonly (readonly number[])[],
): RankReason {
  if (!page) return 'text';
  if (holdsTerms(page.title, terms)) return 'title';
  const inHeading = ([first, length]: readonly [number, number]) =>
    terms.every((keys, t) => (starts[t] ?? []).some((s) => s >= first && s + keys.length <= first + length));
  if (terms.length > 0 && page.headings.some(inHeading)) return 'heading';
  return 'text';
}

const RANK_ORDER: Readonly<Record<RankReason, number>> = { title: 0, heading: 1, text: 2 };

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
};

interface Found {
  result: CoreResult;
  page: IndexedPage | undefined;
  rank: RankReason;
  count: number;
  score: number;
  words: number[];
  /** Where each term's runs start (word positions), term by term. */
  starts: number[][];
  terms: number;
}

/** A page read: whether it holds every term, its exact counts and positions, and how often it holds the query as typed. */
async function readPage(page: Found, terms: readonly string[][], literal: readonly string[]) {
  const units = (await page.result.data()).content.split(' ');
  const keys = units.map(unitKey);
  const runs = terms.map((termKeys) => findKeyRuns(keys, termKeys));
  const words = runs.flatMap((starts, t) => starts.flatMap((s) => Array.from({ length: terms[t]!.length }, (_, i) => s + i)));
  const text = units.join('').toLowerCase();
  const exact = literal.reduce((sum, term) => sum + (term === '' ? 0 : text.split(term).length - 1), 0);
  return { ...page, count: runs.reduce((sum, r) => sum + r.length, 0), words, starts: runs, exact, holds: runs.every((r) => r.length > 0) };
}

/**
 * Searches `query` through Pagefind's `search`, ranking with the page list
 * `pages` (Pagefind's page id → entry); `options` (filters, sort) go to
 * every Pagefind search. A query without letters or digits finds nothing; a
 * null query (filters only) goes to Pagefind as it is.
 */
export async function phraseSearch(
  search: CoreSearch,
  query: string | null,
  options: Record<string, unknown> = {},
  pages: ReadonlyMap<string, IndexedPage> = new Map(),
): Promise<CoreResponse<SiteResult>> {
  const empty = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
  if (query === null) {
    const response = (await search(null, options)) ?? empty;
    return { ...response, results: response.results.map((result) => ({ ...result, page: pages.get(result.id), rank: 'text' as const })) };
  }
  const terms = queryTerms(query).map((t) => t.keys);
  if (terms.length === 0) return empty;
  /** The pages holding the first `n` units of a term in a row (`exact`), and where each of those units stands on them (`plain`). */
  const lookUp = async (keys: string[], n: number) => {
    const probe = phraseQueries(keys.slice(0, n));
    const [exact, plain] = await Promise.all([search(probe.exact, options), search(probe.plain, options)]);
    return { keys, n, exact: exact ?? empty, plain: plain ?? empty };
  };
  const responses = await Promise.all(
    terms.map(async (keys) => {
      const first = await lookUp(keys, Math.min(keys.length, FIRST_PROBE_UNITS));
      if (first.n === keys.length || first.exact.results.length <= REFINED_RESULTS) return first;
      return lookUp(keys, Math.min(keys.length, PROBE_UNITS));
    }),
  );
  const found = new Map<string, Found>();
  for (const [t, { keys, n, exact, plain }] of responses.entries()) {
    const positions = new Map(plain.results.map((r) => [r.id, r] as const));
    for (const result of exact.results) {
      const loose = positions.get(result.id);
      const starts = loose ? runStarts(loose.words, n) : [];
      const words = starts.flatMap((s) => Array.from({ length: n }, (_, i) => s + i));
      const entry = found.get(result.id);
      if (entry) {
        entry.count += Math.max(starts.length, 1);
        entry.score += loose?.score ?? 0;
        entry.words.push(...words);
        entry.starts[t] = starts;
        entry.terms++;
      } else {
        // Each page's fragment is read once, here and by the caller (Pagefind caches the file, not its processing).
        found.set(result.id, {
          result: { ...result, data: once(result.data) },
          page: pages.get(result.id),
          rank: 'text',
          count: Math.max(starts.length, 1),
          score: loose?.score ?? 0,
          words,
          starts: terms.map((_, i) => (i === t ? starts : [])),
          terms: 1,
        });
      }
    }
  }
  let listed = [...found.values()].filter((f) => f.terms === terms.length);
  const literal = query.trim().toLowerCase().split(/\s+/u);
  const long = responses.filter(({ keys, n }) => keys.length > n);
  if (long.length > 0) {
    // Read each page found for a term looked up by fewer units than it has: it must hold the whole term; its counts become exact.
    listed = (await Promise.all(listed.map((page) => readPage(page, terms, literal)))).filter((c) => c.holds);
  }
  for (const page of listed) page.rank = rankReason(page.page, terms, page.starts);
  listed.sort((a, b) => RANK_ORDER[a.rank] - RANK_ORDER[b.rank] || b.count - a.count || b.score - a.score);
  // The best pages, read (Pagefind loads each fragment once) and ranked on their text within their group.
  const read = await Promise.all(listed.slice(0, REFINED_RESULTS).map((page) => readPage(page, terms, literal)));
  const top = read.map((page, at) => ({ ...page, at }));
  top.sort((a, b) => RANK_ORDER[a.rank] - RANK_ORDER[b.rank] || b.exact - a.exact || b.count - a.count || a.at - b.at);
  listed.splice(0, top.length, ...top);
  const first = responses[0]!.exact;
  return {
    unitTerms: terms,
    results: listed.map(({ result, page, rank, count, words }) => ({
      ...result,
      id: result.id,
      data: result.data,
      score: count,
      words: [...new Set(words)].sort((a, b) => a - b),
      page,
      rank,
    })),
    unfilteredResultCount: terms.length === 1 && long.length === 0 ? first.unfilteredResultCount : listed.length,
    filters: first.filters,
    totalFilters: first.totalFilters,
  };
}
