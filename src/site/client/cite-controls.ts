/**
 * The 引用 controls of a page: each `button[data-cite]` opens the citation
 * panel under its heading, showing the reference to its spot in GB/T
 * 7714-2015 form and as a "title — URL" line, each with a copy button. The
 * access date is the reader's today, taken at the moment of copying. Copies
 * are announced in the page's status region (`#cite-status`).
 *
 * The spots come from the page's `#cite-data` (see CiteControls.astro).
 */
import { gbt7714, isoDate, titleAndLink, type CitationSpot, type PageCitations } from '../cite/citation';
import { announce, copyText } from './clipboard';

type Format = 'gbt' | 'link';

const MESSAGES: Record<Format, string> = {
  gbt: '已复制 GB/T 7714-2015 格式的引用',
  link: '已复制标题和链接',
};

function mount(data: PageCitations, panel: HTMLElement): void {
  const title = panel.querySelector<HTMLElement>('[data-cite-title]')!;
  const texts = {
    gbt: panel.querySelector<HTMLElement>('[data-cite-text="gbt"]')!,
    link: panel.querySelector<HTMLElement>('[data-cite-text="link"]')!,
  };
  let opener: HTMLButtonElement | null = null;
  let spot: CitationSpot | null = null;

  const render = (s: CitationSpot): Record<Format, string> => {
    const strings = { gbt: gbt7714(data.work, s, isoDate(new Date())), link: titleAndLink(data.work, s) };
    texts.gbt.textContent = strings.gbt;
    texts.link.textContent = strings.link;
    return strings;
  };

  const close = (returnFocus: boolean) => {
    panel.hidden = true;
    opener?.setAttribute('aria-expanded', 'false');
    if (returnFocus) opener?.focus();
    opener = null;
    spot = null;
  };

  const open = (button: HTMLButtonElement, s: CitationSpot) => {
    if (opener) opener.setAttribute('aria-expanded', 'false');
    opener = button;
    spot = s;
    title.textContent = `引用：${s.name}`;
    render(s);
    // Right under the heading the control belongs to, so that Tab goes from the control into the panel.
    (button.closest('.plan-heading') ?? button).after(panel);
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
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
      const format = copy.dataset.citeCopy as Format;
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
if (dataElement?.textContent && panel) mount(JSON.parse(dataElement.textContent) as PageCitations, panel);
