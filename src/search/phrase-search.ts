/**
 * Search over the index of search units (units.ts), on top of Pagefind's own
 * search function; the site's bundle exports it as `search` (see
 * pagefind-entry.ts), so every caller of /pagefind/pagefind.js — the site's
 * search page and dialog, or anyone importing the bundle — gets it.
 *
 * Each term of a query (terms are separated by spaces) runs twice through
 * Pagefind: as the exact phrase of its units (`"碳 达 峰"`) — which pages
 * hold the term — and as the plain units, whose word positions on each page
 * give how often the term occurs there (positions where the units stand in a
 * row). A term of more than PROBE_UNITS units is looked up by its first ones
 * (each distinct unit costs an index chunk of ~30 KB on first use), and the
 * pages found are read to keep those that hold all of it. A page is a result
 * when it holds every term. Results come in Pagefind's shape, best first:
 * `score` is the number of occurrences, `words` their word positions. The
 * first REFINED_RESULTS pages are then read and re-ranked on their text: first
 * by how often the query occurs as typed, punctuation included (so “两区”
 * puts the pages with the quoted name first), then by their exact counts. So
 * the search page and any other caller of /pagefind/pagefind.js get the same
 * results; the search page then orders them as a reference work does (title,
 * then section heading, then occurrences: engine.ts `rankPages`, which needs
 * the page list's headings), so a caller of the bundle alone sees them in
 * occurrence order. The response also carries the query cut into
 * units (`unitTerms`), so a caller need not cut it again.
 *
 * This module imports nothing but units.ts: it is shipped as it is, next to
 * Pagefind's files.
 */
import { findKeyRuns, queryTerms, unitKey } from './units';

/** A result of Pagefind's search (the part used here). */
export interface CoreResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<{ content: string }>;
}

/** A response of Pagefind's search (the part used here); `unitTerms` is the site's: the keys of each term. */
export interface CoreResponse {
  results: CoreResult[];
  unitTerms?: string[][];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
  timings?: unknown;
}

/** Pagefind's search function. */
export type CoreSearch = (term: string | null, options?: Record<string, unknown>) => Promise<CoreResponse | null>;

/** How many units of a term go to Pagefind. */
export const PROBE_UNITS = 4;

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

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
};

interface Found {
  result: CoreResult;
  count: number;
  score: number;
  words: number[];
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
  return { ...page, count: runs.reduce((sum, r) => sum + r.length, 0), words, exact, holds: runs.every((r) => r.length > 0) };
}

/**
 * Searches `query` through Pagefind's `search`; `options` (filters, sort) go
 * to every Pagefind search. A query without letters or digits finds nothing;
 * a null query (filters only) goes to Pagefind as it is.
 */
export async function phraseSearch(search: CoreSearch, query: string | null, options: Record<string, unknown> = {}): Promise<CoreResponse> {
  const empty: CoreResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
  if (query === null) return (await search(null, options)) ?? empty;
  const terms = queryTerms(query).map((t) => t.keys);
  if (terms.length === 0) return empty;
  const responses = await Promise.all(
    terms.map(async (keys) => {
      const probe = phraseQueries(keys.slice(0, PROBE_UNITS));
      const [exact, plain] = await Promise.all([search(probe.exact, options), search(probe.plain, options)]);
      return { keys, exact: exact ?? empty, plain: plain ?? empty };
    }),
  );
  const found = new Map<string, Found>();
  for (const { keys, exact, plain } of responses) {
    const positions = new Map(plain.results.map((r) => [r.id, r] as const));
    const n = Math.min(keys.length, PROBE_UNITS);
    for (const result of exact.results) {
      const loose = positions.get(result.id);
      const starts = loose ? runStarts(loose.words, n) : [];
      const words = starts.flatMap((s) => Array.from({ length: n }, (_, i) => s + i));
      const entry = found.get(result.id);
      if (entry) {
        entry.count += Math.max(starts.length, 1);
        entry.score += loose?.score ?? 0;
        entry.words.push(...words);
        entry.terms++;
      } else {
        // Each page's fragment is read once, here and by the caller (Pagefind caches the file, not its processing).
        found.set(result.id, { result: { ...result, data: once(result.data) }, count: Math.max(starts.length, 1), score: loose?.score ?? 0, words, terms: 1 });
      }
    }
  }
  let pages = [...found.values()].filter((f) => f.terms === terms.length);
  const literal = query.trim().toLowerCase().split(/\s+/u);
  const long = terms.filter((keys) => keys.length > PROBE_UNITS);
  if (long.length > 0) {
    // Read each page found for a long term: it must hold the whole term; its counts become exact.
    pages = (await Promise.all(pages.map((page) => readPage(page, terms, literal)))).filter((c) => c.holds);
  }
  pages.sort((a, b) => b.count - a.count || b.score - a.score);
  // The best pages, read (Pagefind loads each fragment once) and ranked on their text.
  const read = await Promise.all(pages.slice(0, REFINED_RESULTS).map((page) => readPage(page, terms, literal)));
  const top = read.map((page, rank) => ({ ...page, rank }));
  top.sort((a, b) => b.exact - a.exact || b.count - a.count || a.rank - b.rank);
  pages.splice(0, top.length, ...top);
  const first = responses[0]!.exact;
  return {
    unitTerms: terms,
    results: pages.map(({ result, count, words }) => ({ ...result, id: result.id, data: result.data, score: count, words: [...new Set(words)].sort((a, b) => a - b) })),
    unfilteredResultCount: terms.length === 1 && long.length === 0 ? first.unfilteredResultCount : pages.length,
    filters: first.filters,
    totalFilters: first.totalFilters,
  };
}
