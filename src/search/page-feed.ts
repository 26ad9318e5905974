/**
 * How the pages Astro renders reach the steps that work on them while the
 * others are rendered: the search index (search-index-fs.ts) and the pages'
 * policies (src/site/integrations/post-build-fs.ts) each register a feed at
 * the start of `astro build`, and the middleware (page-feed-middleware.ts,
 * which the search index adds to the build) hands every feed each page it
 * renders. The middleware runs in Astro's server bundle, a module graph of
 * its own: the one place both sides reach is the process's `globalThis`,
 * under a key from the global symbol registry (the same symbol in both
 * graphs).
 */
import { sitePathOf } from '../site/site-paths';

/** What the middleware hands over of one rendered HTML page. */
export interface RenderedPage {
  /** The route's pattern (Astro's `routePattern`): pages of one route are rendered one after another. */
  route: string;
  /** The page's URL path as Astro requested it, deployment base included. */
  pathname: string;
  /** The page's HTML, as Astro writes it. */
  html: string;
}

/** Receives every HTML page Astro renders in a static build. */
export interface PageFeed {
  page(page: RenderedPage): void;
}

const FEEDS_KEY = Symbol.for('gangyao.page-feeds');

type WithFeeds = typeof globalThis & { [FEEDS_KEY]?: Set<PageFeed> };

/** Makes `feed` receive the pages rendered from now on. */
export function registerPageFeed(feed: PageFeed): void {
  ((globalThis as WithFeeds)[FEEDS_KEY] ??= new Set()).add(feed);
}

/** Stops `feed` receiving pages. */
export function unregisterPageFeed(feed: PageFeed): void {
  (globalThis as WithFeeds)[FEEDS_KEY]?.delete(feed);
}

/** The feeds registered (none in `astro dev`, or outside a build). */
export function registeredPageFeeds(): PageFeed[] {
  return [...((globalThis as WithFeeds)[FEEDS_KEY] ?? [])];
}

/**
 * The file Astro writes the page at `pathname` to, relative to the output
 * folder, for a site built at `base` (pages are directories: `/part-1/` →
 * `part-1/index.html`; a page without the trailing slash, `/404`, is a file).
 * Both as URLs have them, percent-encoded: Astro names its files so.
 */
export function builtFileOf(pathname: string, base: string): string {
  const sitePath = sitePathOf(pathname, base).slice(1);
  if (sitePath === '' || sitePath.endsWith('/')) return `${sitePath}index.html`;
  return sitePath.endsWith('.html') ? sitePath : `${sitePath}.html`;
}
