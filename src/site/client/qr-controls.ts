/**
 * The QR code of the 引用 panel: when the panel opens for a spot, the code of
 * that spot's served address is drawn as SVG beside the references, with the
 * address written under it; “放大二维码” shows it filling the screen (a modal
 * dialog: Esc or 关闭 closes it) for a classroom projector.
 *
 * The panel says when it opens (cite-panel-events.ts); the QR library is
 * downloaded then, not before.
 */
import { CITE_PANEL_OPEN, type CitePanelOpen } from './cite-panel-events';
import { loadQr } from './qr-loader';
import { buildCitePanel } from './cite-panel-markup';

function mount(panel: HTMLElement, zoom: HTMLDialogElement): void {
  const code = panel.querySelector<HTMLElement>('[data-cite-qr-code]')!;
  const address = panel.querySelector<HTMLElement>('[data-cite-qr-address]')!;
  const zoomCode = zoom.querySelector<HTMLElement>('[data-qr-zoom-code]')!;
  const zoomAddress = zoom.querySelector<HTMLElement>('[data-qr-zoom-address]')!;
  const zoomTitle = zoom.querySelector<HTMLElement>('[data-qr-zoom-title]')!;
  const panelTitle = panel.querySelector<HTMLElement>('[data-cite-title]');
  /** The address the panel shows now; a late drawing for an older one is dropped. */
  let current = '';

  panel.addEventListener(CITE_PANEL_OPEN, (event) => {
    const { url } = (event as CustomEvent<CitePanelOpen>).detail;
    current = url;
    address.textContent = url;
    code.replaceChildren();
    code.setAttribute('aria-busy', 'true');
    void loadQr().then(({ qrSvg }) => {
      if (current !== url) return;
      // The library's own markup: a <svg> of two paths, from our text only.
      code.innerHTML = qrSvg(url);
      code.dataset.address = url;
      code.removeAttribute('aria-busy');
    });
  });

  panel.addEventListener('click', (event) => {
    if (!(event.target as Element | null)?.closest('[data-cite-qr-zoom]') || !code.dataset.address) return;
    zoomCode.innerHTML = code.innerHTML;
    zoomCode.dataset.address = code.dataset.address;
    zoomAddress.textContent = code.dataset.address;
    zoomTitle.textContent = panelTitle?.textContent ?? '';
    zoom.showModal();
  });
  zoom.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest('[data-qr-zoom-close]')) zoom.close();
  });
}

const panel = document.getElementById('cite-panel');
if (panel) mount(panel, buildCitePanel(panel));
