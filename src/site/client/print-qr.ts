/**
 * The QR code of a printed handout: the first sheet carries, at its foot,
 * the code of the page's served address (qr.css draws it in the first page's
 * bottom margin from the custom property `--print-qr` set here, once the
 * root carries `data-print-qr`).
 *
 * The code is made when printing starts (`beforeprint`), synchronously when
 * the QR module is loaded already. Ctrl+P / ⌘P first loads the module, then
 * prints; the 引用 panel loads it too. Printing from the browser's menu
 * before either loads it, and before the download ends, prints no code.
 */
import { CITE_PANEL_OPEN } from './cite-panel-events';
import { loadQr, loadedQr } from './qr-loader';
import { servedUrl } from './served-url';

/** The custom property qr.css reads. */
const PRINT_QR_PROPERTY = '--print-qr';
/** Size of the printed code in CSS pixels (96 px = 25.4 mm on paper). */
const PRINT_QR_WIDTH = 96;

function fill(qrSvg: (text: string, width?: number) => string): void {
  const svg = qrSvg(servedUrl(location.pathname), PRINT_QR_WIDTH);
  const url = `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
  // The CSSOM, not a style attribute in markup: the page's CSP allows it.
  document.documentElement.style.setProperty(PRINT_QR_PROPERTY, url);
  document.documentElement.dataset.printQr = '';
}

function prepare(): Promise<void> {
  return loadQr().then((module) => fill(module.qrSvg));
}

// Only a page with 引用 controls (CiteControls.astro) prints its code.
if (document.getElementById('cite-panel')) {
  addEventListener('beforeprint', () => {
    const module = loadedQr();
    if (module) fill(module.qrSvg);
    else void prepare();
  });

  addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'p' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (loadedQr()) return; // beforeprint draws it
    event.preventDefault();
    void prepare().finally(() => print());
  });

  document.getElementById('cite-panel')?.addEventListener(CITE_PANEL_OPEN, () => void prepare());
}
