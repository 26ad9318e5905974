/**
 * Search results as DOM, shared by the search page and the header dialog:
 * each page found is a list item with its title linked to the deepest place
 * of its first hit, its number of hits, and each place that holds hits
 * (section, 专栏 box, table row, project item) with an excerpt, the hits
 * marked, a break where a heading ends, and the printed page of the hits.
 * Every link carries the query in `?highlight=`, so the page reached marks
 * the hits (highlight-hits.ts). Counts read `N 个页面、M 处`: on this site
 * 页 alone means a printed page. Text goes in as text, never as HTML.
 */
import type { FilterCount, SearchOutcome, SearchResult } from './engine';
import type { ExcerptPart, HitGroup, PrintedSpan } from './hits';
import type { PageOffer } from './page-query';
import { HIGHLIGHT_PARAM, SEARCH_PARAMS, SEARCH_PATH } from './search-paths';
import { pageRedirectPath, withBase } from '../site/site-paths';

/** The link to place `id` (null: the top) of page `url`, carrying the query to mark. */
export function placeHref(base: string, url: string, id: string | null, query: string): string {
  const params = new URLSearchParams({ [HIGHLIGHT_PARAM]: query });
  return `${withBase(url, base)}?${params}${id ? `#${encodeURIComponent(id)}` : ''}`;
}

/** The search page's URL for `query` and the selected filters. */
export function searchPageHref(base: string, query: string, part: readonly string[] = [], type: readonly string[] = []): string {
  const params = new URLSearchParams();
  if (query) params.set(SEARCH_PARAMS.query, query);
  for (const value of part) params.append(SEARCH_PARAMS.part, value);
  for (const value of type) params.append(SEARCH_PARAMS.type, value);
  const search = params.toString();
  return withBase(SEARCH_PATH, base) + (search ? `?${search}` : '');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** An excerpt as a paragraph, hits in `<mark>`. */
export function excerptElement(parts: readonly ExcerptPart[]): HTMLParagraphElement {
  const p = element('p', 'search-excerpt');
  for (const part of parts) {
    if (part.break) p.append(element('span', 'search-excerpt-break', part.text));
    else p.append(part.hit ? element('mark', '', part.text) : document.createTextNode(part.text));
  }
  return p;
}

/** `印刷版第56页`, `印刷版第150–151页` */
export const printedPageText = (span: PrintedSpan) =>
  span.first === span.last ? `印刷版第${span.first}页` : `印刷版第${span.first}–${span.last}页`;

/** The place name of hits before the first heading or container of a page. */
export const TOP_OF_PAGE = '本页开头';

/** `N 处` */
export const hitCountText = (n: number) => `${n} 处`;

/** `N 个页面、M 处` */
export const pagesAndHitsText = (pages: number, hits: number) => `${pages} 个页面、${hits} 处`;

/** The count beside a filter value. */
export const filterCountText = (count: FilterCount | undefined) => pagesAndHitsText(count?.pages ?? 0, count?.hits ?? 0);

function placeItem(base: string, url: string, group: HitGroup, query: string): HTMLLIElement {
  const li = element('li', 'search-place');
  const a = element('a', 'search-place-link');
  a.href = placeHref(base, url, group.id, query);
  a.append(element('span', 'search-place-title', group.id === null ? TOP_OF_PAGE : group.title), element('span', 'search-count', hitCountText(group.count)));
  li.append(a);
  if (group.printed) li.append(element('span', 'search-printed-page', printedPageText(group.printed)));
  li.append(excerptElement(group.excerpt));
  return li;
}

/**
 * A result as a list item. Its places load with the page's fragment; until
 * then the title links to the page itself. `maxPlaces` limits the places
 * shown (the rest are counted).
 */
export function resultItem(base: string, result: SearchResult, query: string, maxPlaces = Infinity): { item: HTMLLIElement; load: () => Promise<void> } {
  const item = element('li', 'search-result');
  item.dataset.url = result.page.url;
  const head = element('div', 'search-result-head');
  const title = element('a', 'search-result-title', result.page.title);
  title.href = placeHref(base, result.page.url, null, query);
  const count = element('span', 'search-count', hitCountText(result.count));
  head.append(title, count);
  item.append(head);
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    const hits = await result.hits();
    count.textContent = hitCountText(hits.count);
    const first = hits.groups[0];
    if (first) title.href = placeHref(base, result.page.url, first.id, query);
    if (hits.groups.length === 0) return;
    const list = element('ul', 'search-places');
    for (const group of hits.groups.slice(0, maxPlaces)) list.append(placeItem(base, result.page.url, group, query));
    item.append(list);
    const more = hits.groups.length - maxPlaces;
    if (more > 0) item.append(element('p', 'search-more-places', `另有 ${more} 处位置`));
  };
  return { item, load };
}

/** The status line announced after a search. */
export function statusText(outcome: SearchOutcome, filtered: boolean): string {
  const quoted = `“${outcome.query.trim()}”`;
  if (outcome.terms.length === 0) return '请输入要搜索的字词。';
  if (outcome.unfiltered.pages === 0) return `没有找到包含${quoted}的页面。`;
  const all = pagesAndHitsText(outcome.unfiltered.pages, outcome.unfiltered.hits);
  if (filtered) {
    if (outcome.results.length === 0) return `${quoted}见于 ${all}，但没有符合筛选条件的结果。`;
    return `筛选后：${quoted}见于 ${pagesAndHitsText(outcome.results.length, outcome.hits)}（未筛选时 ${all}）。`;
  }
  return `${quoted}见于 ${all}。`;
}

/** The status line while the index loads (the first search on a page). */
export const LOADING_TEXT = '正在载入索引…';

/** The jump offered for a query naming a printed page (`56页`), as a paragraph. */
export function pageOfferElement(base: string, offer: PageOffer): HTMLParagraphElement {
  const p = element('p', 'search-page-offer');
  if (offer.kind === 'jump') {
    const a = element('a', '', `跳至印刷版第${offer.page}页`);
    a.href = withBase(pageRedirectPath(offer.page), base);
    p.append(a);
  } else {
    p.textContent = `印刷版共${offer.last}页，没有第${offer.page}页（可跳至第${offer.first}–${offer.last}页）。`;
  }
  return p;
}
