/**
 * Astro middleware (added by the search index integration, search-index-fs.ts,
 * to `astro build` only): hands each HTML page Astro renders to the feeds
 * registered (page-feed.ts), so the search index and the pages' policies are
 * made on the second core while Astro renders the others, instead of reading
 * every page back once all are written. Without a registered feed (`astro
 * dev`, or a build that registered none) it does nothing: the response
 * passes untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { registeredPageFeeds } from './page-feed';

export const onRequest = defineMiddleware(async (context, next) => {
  const feeds = registeredPageFeeds();
  const response = await next();
  if (feeds.length === 0) return response;
  // A redirect's page is written by Astro from its status, not this body; other files are not pages.
  const isRedirect = response.status >= 300 && response.status < 400;
  if (isRedirect || !response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  for (const feed of feeds) feed.page({ route: context.routePattern, pathname: context.url.pathname, html });
  // The body is read: the same one, in a new response of the same status and headers.
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
