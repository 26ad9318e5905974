/**
 * What a page with 引用 controls runs before any interaction: nothing but
 * listeners. The code of the citation panel and its QR code
 * (cite-controls.ts, qr-controls.ts) is downloaded when the reader first
 * points at, focuses or presses a 引用 button; that of the link to a
 * selection (selection-link.ts) when the reader first selects text; the
 * text-fragment fallback (fragment-fallback.ts) only in a browser that
 * lacks text fragments; each with its styles (cite-panel.css, qr.css). A
 * press that comes before its code is pressed again once the code is there,
 * so no press is lost.
 */

import citePanelCss from '../styles/cite-panel.css?url&no-inline';
import qrCss from '../styles/qr.css?url&no-inline';
import { loadStylesheet } from './load-stylesheet';

let panel: Promise<unknown> | null = null;
let panelReady = false;

function loadPanel(): Promise<unknown> {
  panel ??= Promise.all([import('./cite-controls'), import('./qr-controls'), loadStylesheet(citePanelCss), loadStylesheet(qrCss)]).then(
    () => (panelReady = true),
  );
  return panel;
}

const citeButton = (event: Event) => (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-cite]') ?? null;

document.addEventListener('pointerover', (event) => {
  if (citeButton(event)) void loadPanel();
});
document.addEventListener('focusin', (event) => {
  if (citeButton(event)) void loadPanel();
});
document.addEventListener('click', (event) => {
  const button = citeButton(event);
  if (!button || panelReady) return;
  void loadPanel().then(() => button.click());
});

if (document.querySelector('[data-selection-links]')) {
  let selection: Promise<unknown> | null = null;
  document.addEventListener('selectionchange', () => {
    if (selection || getSelection()?.isCollapsed !== false) return;
    // The module places its buttons on the next selectionchange: give it this one again.
    selection = Promise.all([import('./selection-link'), loadStylesheet(citePanelCss)]).then(() =>
      document.dispatchEvent(new Event('selectionchange')),
    );
  });
}

if (!('fragmentDirective' in document)) void import('./fragment-fallback');
