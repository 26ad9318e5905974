/**
 * Every use the site makes of Pagefind's internals — formats and behaviour
 * outside its documented API — named here, so an upgrade has one file to
 * check; tests/search/pagefind-internals.test.ts runs the installed Pagefind
 * and fails when one of them changes.
 *
 * Held here:
 * - `INLINE_ELEMENTS`: the elements Pagefind's indexer lets text run on
 *   across (its INLINE_SELECTORS); the indexer's view keeps a unit whole
 *   across them (indexer-view.ts).
 * - `REMOVED_ELEMENTS`: the elements it never indexes (its REMOVE_SELECTORS).
 * - `parseFragment`: the fragment file, a signature then JSON with `url`,
 *   `content` (the indexed words separated by spaces; a block's end written
 *   as `.`), `filters`, `meta` and `anchors` (`element`, `id`, `location`:
 *   the word where the element starts), read to list the indexed pages
 *   (search-index-fs.ts) and, as `result.data()`, to place hits (hits.ts).
 * Named here, kept where they are shipped (the modules of
 * /pagefind/pagefind.js import nothing else; see search-index-fs.ts):
 * - the characters kept in an indexed word, Rust's Unicode `\w` (`isWordChar`
 *   in units.ts);
 * - the phrase syntax `"a b"` and the result fields `id`, `score`, `words`,
 *   `data` (phrase-search.ts);
 * - the `noWorker` option that keeps its search off a web worker, so
 *   pagefind-worker.js is neither fetched nor published (pagefind-entry.ts,
 *   search-index-fs.ts): `CORE_OPTIONS`.
 * - that Pagefind's module finds its files beside its own URL when that ends
 *   in pagefind.js (its default `basePath`, from `import.meta.url`): the
 *   site's /pagefind/pagefind.js bundles Pagefind's module into itself
 *   (search-index-fs.ts).
 */

/** Pagefind's INLINE_SELECTORS: text runs on across them. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'dfn', 'em', 'i', 'img', 'input', 'kbd',
  'label', 'map', 'object', 'output', 'q', 'samp', 'script', 'select', 'small', 'span', 'strong', 'sub', 'sup',
  'textarea', 'time', 'tt', 'var', 'mark',
]);

/** Pagefind's REMOVE_SELECTORS: never indexed, wherever they stand. */
export const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template',
]);

/** An anchor of a fragment: an element with an id, at the word where it starts. */
export interface FragmentAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** A Pagefind fragment, as far as the site reads it. */
export interface FragmentData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: FragmentAnchor[];
}

/** The signature that opens every fragment file (before its JSON). */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A fragment file's text (already gunzipped): its signature, then JSON. */
export function parseFragment(text: string): FragmentData {
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`not a Pagefind fragment: ${JSON.stringify(text.slice(0, 20))}`);
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as FragmentData;
}

/** The start-up options of Pagefind's module the site sets (read by Pagefind's pagefind.js when it starts). */
export const CORE_OPTIONS = ['noWorker'] as const;
