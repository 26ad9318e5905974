// The service worker's part in saving the whole edition for offline reading
// (imported by sw.js, which src/site/integrations/post-build-fs.ts writes and
// which sets self.OFFLINE_EDITION first). The worker saves nothing beyond the
// shell and the pages the reader opens until a page asks (public/offline-control.js
// decides when: on the reader's request, or in the background on a connection
// that is neither Save-Data nor slow).
//
// Messages from a page: {type: 'edition-status'} (answered to that page),
// {type: 'edition-save'}, {type: 'cache-visited', urls} (the page and files
// loaded before the worker controlled the page). To every page:
// {type: 'edition', state: 'none' | 'stale' | 'saving' | 'saved' | 'failed',
// megabytes, done, total}.
//
// Saving fetches offline-edition.json, downloads every file whose revision
// differs from the one saved before (or that is not cached), removes from the
// site cache what the build no longer has, and last records the list it
// saved, so a new build downloads only what changed.
const edition = self.OFFLINE_EDITION;
const manifestUrl = new URL(edition.manifest, self.registration.scope).href;
/** Parallel downloads while saving. */
const LANES = 6;

let saving = null;
let progress = { done: 0, total: 0 };

const keyOf = (url) => url.replace(/[?#].*$/, '');

async function savedList() {
  const response = await (await caches.open(edition.stateCache)).match(manifestUrl);
  return response ? response.json() : null;
}

async function state() {
  if (saving) return 'saving';
  const saved = await savedList();
  return saved === null ? 'none' : saved.revision === edition.revision ? 'saved' : 'stale';
}

async function tellAll(message) {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage({ type: 'edition', megabytes: edition.megabytes, ...progress, ...message });
}

async function save() {
  const response = await fetch(manifestUrl, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${manifestUrl}: ${response.status}`);
  const list = await response.json();
  const before = new Map(((await savedList()) ?? { files: [] }).files);
  const cache = await caches.open(edition.siteCache);
  const cached = new Set((await cache.keys()).map((request) => request.url));
  const wanted = list.files.map(([url, revision]) => [new URL(url, self.registration.scope).href, url, revision]);
  const todo = wanted.filter(([href, url, revision]) => !(cached.has(href) && before.get(url) === revision));
  progress = { done: 0, total: todo.length };
  let reported = -1;
  const next = todo.values();
  const lane = async () => {
    for (const [href, , revision] of next) {
      // A file that keeps its name is revalidated; a content-hashed one may come from the HTTP cache.
      const file = await fetch(href, { cache: revision ? 'no-cache' : 'default' });
      if (!file.ok) throw new Error(`${href}: ${file.status}`);
      await cache.put(href, file);
      progress.done += 1;
      const percent = Math.floor((100 * progress.done) / progress.total);
      if (percent !== reported) {
        reported = percent;
        await tellAll({ state: 'saving' });
      }
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const keep = new Set(wanted.map(([href]) => href));
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
  await (await caches.open(edition.stateCache)).put(manifestUrl, new Response(JSON.stringify(list)));
}

/** Keeps what a page loaded before the worker controlled it, unless a cache has it already. */
async function cacheVisited(urls) {
  const cache = await caches.open(edition.siteCache);
  for (const url of new Set(urls.map(keyOf))) {
    if (new URL(url).origin !== self.location.origin || (await caches.match(url, { ignoreSearch: true }))) continue;
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
  }
}

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'edition-status') {
    event.waitUntil(
      state().then((now) => event.source.postMessage({ type: 'edition', state: now, megabytes: edition.megabytes, ...progress })),
    );
  } else if (message.type === 'edition-save') {
    saving ??= tellAll({ state: 'saving' })
      .then(save)
      .then(
        () => tellAll({ state: 'saved' }),
        (error) => {
          console.warn('edition not saved:', error);
          return tellAll({ state: 'failed' });
        },
      )
      .finally(() => {
        saving = null;
      });
    event.waitUntil(saving);
  } else if (message.type === 'cache-visited' && Array.isArray(message.urls)) {
    event.waitUntil(cacheVisited(message.urls).catch((error) => console.warn('page not kept:', error)));
  }
});
