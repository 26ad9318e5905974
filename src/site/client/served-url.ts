/**
 * Where the page is actually served: the build names no origin (it cannot
 * know where a copy of dist/ will be put), so every address a reader copies
 * — a reference, a link to a selection, the URL on a printed sheet — is made
 * absolute here, in the browser, from the page's own location.
 */

/**
 * The absolute address of `href` as served: `href` is a root-relative path
 * as the build writes links (`/plan/part-5/chapter-2/#section-1`, the
 * deployment base included), resolved against the page's address (`page`,
 * the browser's `location.href` unless given).
 */
export function servedUrl(href: string, page: string = location.href): string {
  return new URL(href, page).href;
}
