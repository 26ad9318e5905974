/**
 * The site's /pagefind/pagefind.js: Pagefind's own module (bundled into it,
 * as the module `pagefind-core`) with the same exports, except that a query is
 * searched over the index of search units and ranked as the site's search
 * page shows it (phrase-search.ts, with the page list /search/pages.json).
 * The index holds the text cut into units, so Pagefind's plain search would
 * look for dictionary words that are not there; through this module,
 * importing the bundle and calling `search('碳达峰')` finds every page that
 * holds 碳达峰, in the search page's order.
 *
 * Built by search-index-fs.ts (bundled with its imports and Pagefind's module
 * by esbuild, one file: a first query downloads one module), not by Vite.
 * Pagefind's `createInstance` is not re-exported: this module starts Pagefind
 * on first use, and it is synchronous.
 */
import type { IndexedPage, PageMap } from './page-map';
import { FIRST_PROBE_UNITS, phraseQueries, phraseSearch, type CoreResponse, type CoreSearch, type SiteResult } from './phrase-search';
import { PAGEFIND_DIR, PAGE_MAP_PATH } from './search-paths';
import { queryTerms } from './units';

/**
 * Options Pagefind's module is always started with (names in
 * pagefind-internals.ts): `noWorker`, since a web worker costs a second copy
 * of Pagefind's code (pagefind-worker.js, not published) for an index this
 * small. Pagefind finds its files beside the module it runs in, pagefind.js.
 */
function coreOptions(): Record<string, unknown> {
  return { noWorker: true };
}

/** What is used of Pagefind's module. */
interface PagefindCore {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: CoreSearch;
  preload: (term: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<unknown>;
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  destroy: () => Promise<void>;
}

let core: Promise<PagefindCore> | null = null;

function loadCore(): Promise<PagefindCore> {
  core ??= (async () => {
    const module = (await import('pagefind-core')) as PagefindCore;
    await module.options(coreOptions());
    return module;
  })();
  return core;
}

let pageList: Promise<Map<string, IndexedPage>> | null = null;

/** The page list (page-map.ts): the bundle stands at PAGEFIND_DIR under the site's root. */
function loadPages(): Promise<Map<string, IndexedPage>> {
  const root = new URL(PAGEFIND_DIR.replace(/[^/]+/g, '..').slice(1), import.meta.url);
  pageList ??= fetch(new URL(PAGE_MAP_PATH.slice(1), root)).then(async (response) => {
    if (!response.ok) throw new Error(`search page list: HTTP ${response.status}`);
    return new Map(((await response.json()) as PageMap).pages.map((page) => [page.id, page]));
  });
  pageList.catch(() => (pageList = null));
  return pageList;
}

/** Pagefind's `options` (before the first search, Pagefind replaces its options: the site's are kept). */
export async function options(newOptions: Record<string, unknown>): Promise<void> {
  return (await loadCore()).options({ ...newOptions, ...coreOptions() });
}

/** Pagefind's `init`. */
export async function init(): Promise<void> {
  return (await loadCore()).init();
}

/** Searches `term` over the units index, ranked (see phrase-search.ts); `null` searches the filters only. */
export async function search(term: string | null, searchOptions: Record<string, unknown> = {}): Promise<CoreResponse<SiteResult>> {
  const [pagefind, pages] = await Promise.all([loadCore(), loadPages()]);
  return phraseSearch(pagefind.search, term, searchOptions, pages);
}

let latestSearch = 0;

/** `search` after `debounceTimeoutMs` of quiet; null when a later call came in meanwhile. */
export async function debouncedSearch(term: string, searchOptions: Record<string, unknown> = {}, debounceTimeoutMs = 300): Promise<CoreResponse<SiteResult> | null> {
  const id = ++latestSearch;
  void preload(term, searchOptions);
  await new Promise((resolve) => setTimeout(resolve, debounceTimeoutMs));
  if (id !== latestSearch) return null;
  const response = await search(term, searchOptions);
  return id === latestSearch ? response : null;
}

/** Loads the page list and the index chunks a search of `term` needs first (see phrase-search.ts). */
export async function preload(term: string, searchOptions: Record<string, unknown> = {}): Promise<void> {
  void loadPages().catch(() => undefined);
  const pagefind = await loadCore();
  await Promise.all(queryTerms(term).map(({ keys }) => pagefind.preload(phraseQueries(keys.slice(0, FIRST_PROBE_UNITS)).exact, searchOptions)));
}

/** Pagefind's `filters`. */
export async function filters(): Promise<unknown> {
  return (await loadCore()).filters();
}

/** Pagefind's `mergeIndex`. */
export async function mergeIndex(indexPath: string, mergeOptions: Record<string, unknown> = {}): Promise<void> {
  return (await loadCore()).mergeIndex(indexPath, mergeOptions);
}

/** Pagefind's `destroy`. */
export async function destroy(): Promise<void> {
  return (await loadCore()).destroy();
}
