// The service worker's own code: the end of sw.js, which
// src/site/integrations/post-build-fs.ts writes as self.OFFLINE_EDITION and
// self.OFFLINE_SHELL (this build's settings and precache list), then Workbox's
// prebuilt runtime (the workbox-core, -routing, -strategies and -precaching
// builds that define self.workbox), then this file, copied as it is: nothing
// is bundled or transpiled at build time. What the worker does and why:
// writeServiceWorker() in post-build-fs.ts.
const shell = self.OFFLINE_SHELL;
const siteCache = self.OFFLINE_EDITION.siteCache;
const { core, precaching, routing, strategies } = self.workbox;

importScripts(shell.editionScript);
self.skipWaiting();
core.clientsClaim();

precaching.precacheAndRoute(shell.precache, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
precaching.cleanupOutdatedCaches();

// A query never varies a static file: the cache keys drop it.
const stripQuery = { cacheKeyWillBeUsed: async ({ request }) => request.url.replace(/[?#].*$/, '') };
// A page: the network's copy when online; offline the kept one, or the
// precached 404 page instead of the browser's error.
routing.registerRoute(
  ({ request }) => request.mode === 'navigate',
  new strategies.NetworkFirst({
    cacheName: siteCache,
    plugins: [stripQuery, new precaching.PrecacheFallbackPlugin({ fallbackURL: shell.notFound })],
  }),
  'GET',
);
routing.registerRoute(
  new RegExp(`/(?:${shell.contentHashed})(?:[?#].*)?$`),
  new strategies.CacheFirst({ cacheName: siteCache, plugins: [stripQuery] }),
  'GET',
);
routing.registerRoute(({ sameOrigin }) => sameOrigin, new strategies.NetworkFirst({ cacheName: siteCache, plugins: [stripQuery] }), 'GET');
