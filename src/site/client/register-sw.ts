/**
 * Registers the service worker (sw.js at the site's root, written by
 * src/site/integrations/post-build-fs.ts). Part of page-scripts.ts, so it is
 * cached under its content hash with the rest of the page's code instead of
 * being fetched again on every visit. A new build's worker taking over
 * reloads the page, so no page runs against another build's cache. Once a
 * worker controls the page, public/offline-control.js drives 离线阅读.
 */

/** The site's root directory (`/` or `/plan/`), where sw.js and offline-control.js are served. */
const root = import.meta.env.BASE_URL.replace(/\/?$/, '/');

if ('serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  // On a first visit the worker's first claim of the page is no new build.
  const controlledAtLoad = sw.controller !== null;
  let controlled = controlledAtLoad;
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  const register = () =>
    sw.register(`${root}sw.js`, { scope: root }).catch((error: unknown) => console.warn('offline copy unavailable:', error));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  // A file of public/, not bundled: loaded only once a worker controls the page.
  const control = () =>
    import(/* @vite-ignore */ `${root}offline-control.js`).then((m: { start: (controlledAtLoad: boolean) => void }) => m.start(controlledAtLoad));
  if (controlledAtLoad) control();
  else sw.addEventListener('controllerchange', control, { once: true });
}
