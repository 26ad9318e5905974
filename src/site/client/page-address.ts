/**
 * The address of the page being read, as the browser was served it (any
 * origin, any base path; `servedUrl`, the one place addresses are made
 * absolute): what a printed sheet names as its source, never an address
 * from the build, which cannot know where its output will be served.
 */

import { servedUrl } from './served-url';

/** The page's address without its fragment or query: `https://example.org/plan/part-5/chapter-2/`. */
export function currentPageAddress(): string {
  return servedUrl(location.pathname);
}

/** Fills each print-only address element (`[data-page-address]`) with the page's address. */
export function fillPrintAddress(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-address]')) el.textContent = currentPageAddress();
}

fillPrintAddress();
