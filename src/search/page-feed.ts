/**
 * How the pages Astro renders reach the search index: the integration
 * (search-index-fs.ts) registers a feed at the start of `astro build`, and
 * the middleware (page-feed-middleware.ts) hands it each page it renders.
 * The middleware runs in Astro's server bundle, a module graph of its own:
 * the one place both sides reach is the process's `globalThis`, under a key
 * from the global symbol registry (the same symbol in both graphs).
 */

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

const FEED_KEY = Symbol.for('gangyao.search-index.page-feed');

type WithFeed = typeof globalThis & { [FEED_KEY]?: PageFeed };

/** Makes `feed` receive the pages rendered from now on; `null` stops it. */
export function registerPageFeed(feed: PageFeed | null): void {
  if (feed) (globalThis as WithFeed)[FEED_KEY] = feed;
  else delete (globalThis as WithFeed)[FEED_KEY];
}

/** The feed registered, if any (none in `astro dev`, or outside a build). */
export function registeredPageFeed(): PageFeed | undefined {
  return (globalThis as WithFeed)[FEED_KEY];
}
