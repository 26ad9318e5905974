/**
 * Where the search lives on the site, and the names of its URL parameters.
 * Paths are site paths, without the deployment base (see site/site-paths.ts).
 */

/** The search page; its query lives in the URL (`/search/?q=碳达峰&part=…&type=专栏`). */
export const SEARCH_PATH = '/search/';
/** The page list of the search index (id, URL, title, filters of every indexed page). */
export const PAGE_MAP_PATH = '/search/pages.json';
/** The Pagefind bundle. */
export const PAGEFIND_DIR = '/pagefind/';
/** Query parameters of the search page. */
export const SEARCH_PARAMS = { query: 'q', part: 'part', type: 'type' } as const;
/** Query parameter that carries the search terms to a result page, which then marks them. */
export const HIGHLIGHT_PARAM = 'highlight';
