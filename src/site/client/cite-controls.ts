/**
 * The 引用 controls of a page: each `button[data-cite]` opens the citation
 * panel under its heading (or, for a control inside a table, under the
 * table), showing the reference to its spot in GB/T 7714-2015 form, as a
 * "title — URL" line, and in RIS, BibTeX and CSL-JSON for reference
 * managers, each with a copy button (and the last three as files). All are
 * written from one record (citation.ts, reference-formats.ts). The access
 * date is the reader's today, taken at the moment of copying. Copies are
 * announced in the page's status region (`#cite-status`).
 *
 * The spots come from the page's `#cite-data` (see CiteControls.astro); their
 * addresses are paths, made absolute where the page is served (served-url.ts).
 */
import { citationRecord, isoDate, readPageCitations, titleAndLink, type CitationSpot, type PageCitations } from '../cite/citation';
import { MANAGER_FORMATS, gbt7714, type FormatKey } from '../cite/reference-formats';
import { announce, copyText } from './clipboard';
import { CITE_PANEL_CLOSE, CITE_PANEL_OPEN, type CitePanelOpen } from './cite-panel-events';
import { servedUrl } from './served-url';
import { buildCitePanel } from './cite-panel-markup';

const MESSAGES: Record<FormatKey, string> = {
  gbt: '已复制 GB/T 7714-2015 格式的引用',
  link: '已复制标题和链接',
  ris: '已复制 RIS 格式的引用',
  bibtex: '已复制 BibTeX 格式的引用',
  csl: '已复制 CSL-JSON 格式的引用',
};

/** `spot` with its address made absolute where the page is served. */
const served = (spot: CitationSpot): CitationSpot => ({ ...spot, url: servedUrl(spot.url) });

/** Every form of the reference to `spot` (its address as served), accessed today. */
function references(data: PageCitations, spot: CitationSpot): Record<FormatKey, string> {
  const record = citationRecord(data.work, spot, isoDate(new Date()));
  const out = { gbt: gbt7714(record), link: titleAndLink(data.work, spot) } as Record<FormatKey, string>;
  for (const f of MANAGER_FORMATS) out[f.key] = f.write(record);
  return out;
}

/** Offers `text` as a file named `name` (a download from an object URL). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function mount(data: PageCitations, panel: HTMLElement): void {
  const title = panel.querySelector<HTMLElement>('[data-cite-title]')!;
  const texts = Object.fromEntries(
    [...panel.querySelectorAll<HTMLElement>('[data-cite-text]')].map((el) => [el.dataset.citeText!, el]),
  ) as Record<FormatKey, HTMLElement>;
  let opener: HTMLButtonElement | null = null;
  let spot: CitationSpot | null = null;

  const render = (s: CitationSpot): Record<FormatKey, string> => {
    const strings = references(data, served(s));
    for (const [key, el] of Object.entries(texts)) el.textContent = strings[key as FormatKey];
    return strings;
  };

  const close = (returnFocus: boolean) => {
    panel.hidden = true;
    panel.dispatchEvent(new CustomEvent(CITE_PANEL_CLOSE));
    opener?.setAttribute('aria-expanded', 'false');
    if (returnFocus) opener?.focus();
    opener = null;
    spot = null;
  };

  const open = (button: HTMLButtonElement, s: CitationSpot) => {
    if (opener) opener.setAttribute('aria-expanded', 'false');
    opener = button;
    spot = s;
    title.textContent = `引用：${s.name || data.work.title}`;
    render(s);
    // Right under the heading the control belongs to, so that Tab goes from the
    // control into the panel; a control in a table puts it under the table,
    // and focus follows it there.
    const host = button.closest('[data-cite-host]');
    (host ?? button.closest('.plan-heading') ?? button).after(panel);
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    panel.dispatchEvent(new CustomEvent<CitePanelOpen>(CITE_PANEL_OPEN, { detail: { key: s.key, url: servedUrl(s.url) } }));
    if (host) panel.querySelector<HTMLElement>('button[data-cite-copy]')?.focus();
  };

  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const button = target?.closest<HTMLButtonElement>('button[data-cite]');
    if (button) {
      const s = data.spots[button.dataset.cite ?? ''];
      if (!s) return;
      if (opener === button) close(false);
      else open(button, s);
      return;
    }
    const copy = target?.closest<HTMLButtonElement>('button[data-cite-copy]');
    if (copy && spot) {
      const format = copy.dataset.citeCopy as FormatKey;
      // The access date is taken now, when the reader copies.
      const text = render(spot)[format];
      void copyText(text).then((ok) => {
        if (ok) announce(MESSAGES[format]);
        else {
          announce('无法自动复制，已选中引用文字，请手动复制');
          getSelection()?.selectAllChildren(texts[format]);
        }
      });
      return;
    }
    const save = target?.closest<HTMLButtonElement>('button[data-cite-download]');
    const format = MANAGER_FORMATS.find((f) => f.key === save?.dataset.citeDownload);
    if (format && spot) {
      const record = citationRecord(data.work, served(spot), isoDate(new Date()));
      download(format.write(record), `${record.id}${format.file}`, format.type);
      return;
    }
    if (target?.closest('button[data-cite-close]')) close(true);
  });

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });
}

const dataElement = document.getElementById('cite-data');
const panel = document.getElementById('cite-panel');
if (dataElement?.textContent && panel) {
  buildCitePanel(panel);
  mount(readPageCitations(dataElement.textContent), panel);
}
