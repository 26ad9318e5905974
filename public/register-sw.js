// Registers the service worker that keeps the whole site available offline
// (src/build/post-build-fs.ts writes sw.js next to this file, at the base).
// When a new build's worker takes control of an open page, the page reloads,
// so no page keeps running against the cache of another build.
if ('serviceWorker' in navigator) {
  // On a first visit the worker's first claim of the page is no new build.
  let controlled = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  const register = () =>
    navigator.serviceWorker
      .register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
      .catch((error) => console.warn('offline copy unavailable:', error));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
