/**
 * The inside of the 引用 panel (`#cite-panel`) and the QR code's full-screen
 * dialog (`#qr-zoom`), made in the browser when a 引用 control is first used.
 * The page carries only the panel's empty, hidden shell (CiteControls.astro),
 * which the controls name in `aria-controls`: the markup of a panel that most
 * readers never open is not downloaded with every page, but with this code.
 * Only our own fixed text goes into it (MANAGER_FORMATS' names and labels).
 */
import { MANAGER_FORMATS } from '../cite/reference-formats';

const QR_LABEL = '二维码：扫码打开此处';

/** The panel's content: its title, GB/T 7714 and 标题和链接, the reference-manager formats, the QR code, 关闭. */
const PANEL = `<p id="cite-panel-title" class="cite-panel-title" data-cite-title></p>
<div class="cite-format"><p class="cite-format-name">GB/T 7714-2015 参考文献格式</p><p class="cite-text" data-cite-text="gbt"></p><button type="button" class="cite-copy" data-cite-copy="gbt">复制参考文献</button></div>
<div class="cite-format"><p class="cite-format-name">标题和链接</p><p class="cite-text" data-cite-text="link"></p><button type="button" class="cite-copy" data-cite-copy="link">复制标题和链接</button></div>
<details class="cite-managers"><summary>文献管理软件格式（RIS、BibTeX、CSL-JSON）</summary>${MANAGER_FORMATS.map(
  (f) =>
    `<div class="cite-format"><p class="cite-format-name">${f.name}</p><pre class="cite-text cite-code" data-cite-text="${f.key}" tabindex="0" aria-label="${f.name}"></pre><button type="button" class="cite-copy" data-cite-copy="${f.key}">复制 ${f.short}</button><button type="button" class="cite-copy" data-cite-download="${f.key}">下载 ${f.file} 文件</button></div>`,
).join('')}</details>
<div class="cite-qr"><p class="cite-format-name">二维码</p><div class="cite-qr-code" data-cite-qr-code role="img" aria-label="${QR_LABEL}"></div><p class="cite-qr-caption">扫码打开此处：<span class="cite-qr-address" data-cite-qr-address></span></p><button type="button" class="cite-copy" data-cite-qr-zoom aria-haspopup="dialog" aria-controls="qr-zoom">放大二维码</button></div>
<button type="button" class="cite-close" data-cite-close>关闭</button>`;

const ZOOM = `<p id="qr-zoom-title" class="qr-zoom-title" data-qr-zoom-title></p><div class="qr-zoom-code" data-qr-zoom-code role="img" aria-label="${QR_LABEL}"></div><p class="qr-zoom-address" data-qr-zoom-address></p><button type="button" class="cite-copy" data-qr-zoom-close>关闭</button>`;

/** Fills the panel shell `panel` and puts the `#qr-zoom` dialog after it, once; returns the dialog. */
export function buildCitePanel(panel: HTMLElement): HTMLDialogElement {
  const existing = document.getElementById('qr-zoom');
  if (existing instanceof HTMLDialogElement) return existing;
  panel.innerHTML = PANEL;
  panel.setAttribute('aria-labelledby', 'cite-panel-title');
  const zoom = document.createElement('dialog');
  zoom.id = 'qr-zoom';
  zoom.className = 'qr-zoom not-content';
  zoom.setAttribute('aria-labelledby', 'qr-zoom-title');
  zoom.setAttribute('data-nontext', '');
  zoom.setAttribute('data-pagefind-ignore', '');
  zoom.innerHTML = ZOOM;
  panel.after(zoom);
  return zoom;
}
