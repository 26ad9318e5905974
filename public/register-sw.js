// Registers the service worker (sw.js, written by src/site/integrations/post-build-fs.ts).
// A new build's worker taking over reloads the page, so no page runs against another
// build's cache. Once a worker controls the page, offline-control.js drives 离线阅读.
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
    sw
      .register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
      .catch((error) => console.warn('offline copy unavailable:', error));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  const control = () => import('./offline-control.js').then((m) => m.start(controlledAtLoad));
  if (controlledAtLoad) control();
  else sw.addEventListener('controllerchange', control, { once: true });
}
