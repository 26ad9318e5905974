/**
 * The header search dialog (PlanSearch.astro): opens with its button, `/` or
 * Ctrl+K (⌘K), searches as you type (the first 8 pages, 3 places each),
 * Enter opens the search page, ↓/↑ move between the input and the result
 * links, Esc closes and gives focus back to where it was (the button, when
 * opened with it). While the index loads, the status line says so; a query
 * naming a printed page (`56页`) offers the jump to it (the range from the
 * root's `data-first-page` and `data-last-page`, the model's).
 */
import { SiteSearch } from './engine';
import { addSearchDialogGuide } from './search-dialog-guide';
import { pageOffer } from './page-query';
import { LOADING_TEXT, pageOfferElement, resultItem, searchPageHref, statusText } from './render';

const SHOWN_RESULTS = 8;
const SHOWN_PLACES = 3;
const DEBOUNCE_MS = 150;

/** Whether a key press is someone typing into a field (where `/` is a character). */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Wires the dialog inside `root`. */
export function mountSearchDialog(root: HTMLElement, base: string): void {
  const openButton = root.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
  const closeButton = root.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
  const dialog = root.querySelector('dialog')!;
  const frame = dialog.querySelector<HTMLElement>('.search-dialog-frame')!;
  const form = dialog.querySelector('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const { status, offer, list, more, moreLink } = addSearchDialogGuide(form);
  const firstPage = Number(root.dataset.firstPage);
  const lastPage = Number(root.dataset.lastPage);
  const search = new SiteSearch(base);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  // Where focus was when the dialog opened: it goes back there on close.
  let opener: HTMLElement | null = null;
  const open = () => {
    if (dialog.open) return;
    const active = document.activeElement;
    opener = active instanceof HTMLElement && active !== document.body ? active : null;
    dialog.showModal();
    input.focus();
    input.select();
    void search.ready().catch(() => undefined);
  };
  const restoreFocus = () => {
    if (opener) opener.focus();
    else if (dialog.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
    opener = null;
  };
  // Focus moves back at once (the dialog's close event comes a task later).
  const close = () => {
    if (!dialog.open) return;
    dialog.close();
    restoreFocus();
  };

  const run = async () => {
    const query = input.value.trim();
    const id = ++latest;
    moreLink.href = searchPageHref(base, query);
    const offered = pageOffer(query, firstPage, lastPage);
    offer.replaceChildren(...(offered ? [pageOfferElement(base, offered)] : []));
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      list.removeAttribute('data-query');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    if (!search.loaded) status.textContent = LOADING_TEXT;
    try {
      const outcome = await search.search(query, undefined, { byKind: false });
      if (id !== latest) return;
      const items = outcome.results.slice(0, SHOWN_RESULTS).map((r) => resultItem(base, r, query, SHOWN_PLACES));
      list.replaceChildren(...items.map((i) => i.item));
      await Promise.all(items.map((i) => i.load()));
      if (id !== latest) return;
      status.textContent = statusText(outcome, false);
      more.hidden = outcome.results.length === 0;
      moreLink.textContent =
        outcome.results.length > SHOWN_RESULTS
          ? `在搜索页查看全部 ${outcome.results.length} 个页面，按篇、类型筛选`
          : '在搜索页查看结果，按篇、类型筛选';
      list.dataset.query = query;
    } catch (error) {
      if (id !== latest) return;
      status.textContent = '搜索暂时无法使用（索引未能加载）。';
      console.error(error);
    } finally {
      if (id === latest) list.setAttribute('aria-busy', 'false');
    }
  };

  openButton.addEventListener('click', (event) => {
    event.stopPropagation();
    open();
  });
  closeButton.addEventListener('click', close);
  dialog.addEventListener('close', restoreFocus);
  // A click on the backdrop (outside the frame) closes the dialog.
  dialog.addEventListener('click', (event) => {
    if (!frame.contains(event.target as Node)) close();
  });
  window.addEventListener('keydown', (event) => {
    if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      if (dialog.open) close();
      else open();
    } else if (event.key === '/' && !dialog.open && !typing(event) && !event.altKey && !event.metaKey && !event.ctrlKey) {
      event.preventDefault();
      open();
    }
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query !== '') location.href = searchPageHref(base, query);
  });
  // ↓ from the input to the first link; ↑/↓ between links; ↑ from the first back to the input.
  dialog.addEventListener('keydown', (event) => {
    // Esc is handled here too: Chromium's close watchers may skip the dialog's own on a second opening.
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...offer.querySelectorAll<HTMLAnchorElement>('a'), ...list.querySelectorAll<HTMLAnchorElement>('a'), ...(more.hidden ? [] : [moreLink])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement !== input && at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
    if (next < 0) input.focus();
    else links[next]!.focus();
  });
  openButton.disabled = false;
}
