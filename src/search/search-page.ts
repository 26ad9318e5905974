/**
 * The search page (/search/): reads the query and the filters from the URL,
 * searches as you type or change a filter, and writes them back to the URL
 * (replaced while typing, pushed on submit; a search settled on is never
 * written over, so Back restores it). The places and excerpts of the first
 * results load at once, the others as they scroll into view. The filters'
 * counts are worked out once the filters are used (pointer or focus on them,
 * or a filter selected): before, a first query fetches no page's text for
 * them. While the index loads, the status line says so; a query naming a printed page (`56页`)
 * offers the jump to it (the range from the root's `data-first-page` and
 * `data-last-page`, the model's).
 */
import { SiteSearch, type FilterSelection, type SearchOutcome } from './engine';
import { pageOffer } from './page-query';
import { REFINED_RESULTS } from './phrase-search';
import { LOADING_TEXT, filterCountText, pageOfferElement, resultItem, searchPageHref, statusText } from './render';
import { SEARCH_PARAMS } from './search-paths';

const DEBOUNCE_MS = 200;
/** Results whose excerpts load with the list: those the bundle read to rank them; the rest as they scroll into view. */
const EAGER_RESULTS = REFINED_RESULTS;

/** Wires the search page inside `root`. */
export function mountSearchPage(root: HTMLElement, base: string): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const clear = root.querySelector<HTMLButtonElement>('.search-clear')!;
  const parts = root.querySelector<HTMLDetailsElement>('.search-filter-parts')!;
  const chosen = root.querySelector<HTMLElement>('.search-filter-chosen')!;
  const panel = root.querySelector<HTMLElement>('.search-filter-panel')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const offer = root.querySelector<HTMLElement>('.search-offer')!;
  const firstPage = Number(root.dataset.firstPage);
  const lastPage = Number(root.dataset.lastPage);
  const search = new SiteSearch(base);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let observer: IntersectionObserver | null = null;
  const pageTitle = document.title;
  /** Whether the filters have been used, so their counts are shown. */
  let counting = false;

  const selection = (): FilterSelection => ({
    part: boxes.filter((b) => b.name === SEARCH_PARAMS.part && b.checked).map((b) => b.value),
    type: boxes.filter((b) => b.name === SEARCH_PARAMS.type && b.checked).map((b) => b.value),
  });

  const fromUrl = () => {
    const params = new URL(location.href).searchParams;
    input.value = params.get(SEARCH_PARAMS.query) ?? '';
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
    if (selection().part.length > 0) parts.open = true;
  };

  /**
   * The URL shows a search the reader settled on (opened, submitted, or
   * returned to with Back): the next change is pushed as a new entry rather
   * than written over it, however long the reader paused before submitting.
   */
  let settled = false;
  const toUrl = (settle: boolean) => {
    const { part, type } = selection();
    const href = searchPageHref(base, input.value.trim(), part, type);
    if (href !== location.pathname + location.search) {
      if (settled || settle) history.pushState(null, '', href);
      else history.replaceState(null, '', href);
    }
    settled = settle && input.value.trim() !== '';
  };

  const showCounts = (outcome: SearchOutcome | null) => {
    for (const box of boxes) {
      const group = box.name === SEARCH_PARAMS.part ? 'part' : 'type';
      const counts = outcome?.counts ?? null;
      const count = counts?.[group].get(box.value);
      const label = box.closest('label')!;
      label.querySelector('.search-filter-count')!.textContent = counts ? filterCountText(count) : '';
      label.toggleAttribute('data-empty', counts !== null && !count && !box.checked);
    }
    const { part, type } = selection();
    clear.hidden = part.length + type.length === 0;
    chosen.textContent = part.length > 0 ? `（已选 ${part.length} 篇）` : '';
  };

  const run = async () => {
    const query = input.value.trim();
    const id = ++latest;
    observer?.disconnect();
    const offered = pageOffer(query, firstPage, lastPage);
    offer.replaceChildren(...(offered ? [pageOfferElement(base, offered)] : []));
    if (query === '') {
      list.replaceChildren();
      list.removeAttribute('data-query');
      status.textContent = '';
      showCounts(null);
      document.title = pageTitle;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    if (!search.loaded) status.textContent = LOADING_TEXT;
    try {
      const filters = selection();
      const outcome = await search.search(query, filters, { byKind: counting });
      if (id !== latest) return;
      const items = outcome.results.map((r) => resultItem(base, r, query));
      list.replaceChildren(...items.map((i) => i.item));
      await Promise.all(items.slice(0, EAGER_RESULTS).map((i) => i.load()));
      if (id !== latest) return;
      const later = new Map(items.slice(EAGER_RESULTS).map((i) => [i.item, i.load]));
      if (later.size > 0) {
        observer = new IntersectionObserver((entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            void later.get(entry.target as HTMLLIElement)?.();
            observer?.unobserve(entry.target);
          }
        });
        for (const item of later.keys()) observer.observe(item);
      }
      showCounts(outcome);
      status.textContent = statusText(outcome, filters.part.length + filters.type.length > 0);
      list.dataset.query = query;
      list.dataset.ms = outcome.ms.toFixed(1);
      document.title = `“${query}” · ${pageTitle}`;
    } catch (error) {
      if (id !== latest) return;
      status.textContent = '搜索暂时无法使用（索引未能加载）。';
      console.error(error);
    } finally {
      if (id === latest) list.setAttribute('aria-busy', 'false');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      toUrl(false);
      void run();
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    toUrl(true);
    void run();
  });
  for (const box of boxes) {
    box.addEventListener('change', () => {
      toUrl(false);
      void run();
    });
  }
  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    toUrl(false);
    void run();
    input.focus();
  });
  const countFilters = () => {
    if (counting) return;
    counting = true;
    if (input.value.trim() !== '') void run();
  };
  panel.addEventListener('pointerenter', countFilters);
  panel.addEventListener('focusin', countFilters);
  window.addEventListener('popstate', () => {
    fromUrl();
    settled = input.value.trim() !== '';
    void run();
  });

  fromUrl();
  settled = input.value.trim() !== '';
  if (input.value.trim() !== '') void run();
  else input.focus();
}
