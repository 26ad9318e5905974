// 离线阅读: what the page does once a service worker controls it (loaded by
// src/site/client/register-sw.ts then, so a page without a worker never loads it). The worker
// keeps the shell and every page the reader opens; the whole edition it saves
// (public/sw-edition.js) when this module asks: on a connection that reports
// Save-Data or a slow type only when the reader presses 保存全书 (the control
// in every page's footer, src/site/components/OfflineEdition.astro), otherwise
// in the background once the page is idle. A reader who has saved it keeps it
// current: a new build's changed files are saved without asking.

/** Starts the control; `controlledAtLoad`: whether the worker served this page (if not, the page is handed to it). */
export function start(controlledAtLoad) {
  const sw = navigator.serviceWorker;
  const connection = navigator.connection;
  const metered = Boolean(connection && (connection.saveData || /^(slow-2g|2g|3g)$/.test(connection.effectiveType)));
  const control = document.querySelector('[data-offline-edition]');
  const button = control?.querySelector('button');
  const status = control?.querySelector('[role="status"]');
  const post = (message) => sw.ready.then((registration) => registration.active.postMessage(message));
  const whenIdle = (run) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 10000 }) : setTimeout(run, 2000));
  let asked = false;
  const show = (text, offer) => {
    if (!control) return;
    control.hidden = false;
    button.hidden = !offer;
    status.textContent = text;
  };
  sw.addEventListener('message', ({ data }) => {
    if (data?.type !== 'edition') return;
    const { state, megabytes, done, total } = data;
    if (button) button.textContent = `离线阅读：保存全书（约 ${megabytes} MB）`;
    if (state === 'saved') show('已保存，可离线阅读', false);
    else if (state === 'saving') show(`正在保存… ${total ? Math.floor((100 * done) / total) : 0}%`, false);
    else if (state === 'failed') show('未能保存全书（网络中断？），可再试', true);
    else {
      show('', true);
      if (!asked && (state === 'stale' || !metered)) {
        asked = true;
        whenIdle(() => post({ type: 'edition-save' }));
      }
    }
  });
  button?.addEventListener('click', () => {
    asked = true;
    // The reader asked: from now on the status is read out.
    status.setAttribute('aria-live', 'polite');
    post({ type: 'edition-save' });
  });
  sw.startMessages();
  if (!controlledAtLoad) {
    // The page and its files came from the network before the worker: it keeps them now.
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    post({ type: 'cache-visited', urls: [location.href, ...loaded] });
  }
  post({ type: 'edition-status' });
}
