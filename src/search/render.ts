/**
 * Search results as DOM, shared by the search page and the header dialog:
 * each page found is a list item with its title linked to the deepest place
 * of its first hit, its number of hits, and each place that holds hits
 * (section, 专栏 box, table row, project item) with an excerpt, the hits
 * marked. Every link carries the query in `?highlight=`, so the page
 * reached marks the hits (highlight-hits.ts). Text goes in as text, never
 * as HTML.
 */
import type { SearchOutcome, SearchResult } from './engine';
import type { ExcerptPart, HitGroup } from './hits';
import { HIGHLIGHT_PARAM, SEARCH_PARAMS, SEARCH_PATH } from './search-paths';

/** Prefixes a site path with the deployment base. */
export function withBaseUrl(base: string, path: string): string {
  return (base.endsWith('/') ? base.slice(0, -1) : base) + path;
}

/** The link to place `id` (null: the top) of page `url`, carrying the query to mark. */
export function placeHref(base: string, url: string, id: string | null, query: string): string {
  const params = new URLSearchParams({ [HIGHLIGHT_PARAM]: query });
  return `${withBaseUrl(base, url)}?${params}${id ? `#${encodeURIComponent(id)}` : ''}`;
}

/** The search page's URL for `query` and the selected filters. */
export function searchPageHref(base: string, query: string, part: readonly string[] = [], type: readonly string[] = []): string {
  const params = new URLSearchParams();
  if (query) params.set(SEARCH_PARAMS.query, query);
  for (const value of part) params.append(SEARCH_PARAMS.part, value);
  for (const value of type) params.append(SEARCH_PARAMS.type, value);
  const search = params.toString();
  return withBaseUrl(base, SEARCH_PATH) + (search ? `?${search}` : '');
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
  for (const part of parts) p.append(part.hit ? element('mark', '', part.text) : document.createTextNode(part.text));
  return p;
}

/** The place name of hits before the first heading or container of a page. */
export const TOP_OF_PAGE = '本页开头';

/** `N 处` */
export const hitCountText = (n: number) => `${n} 处`;

function placeItem(base: string, url: string, group: HitGroup, query: string): HTMLLIElement {
  const li = element('li', 'search-place');
  const a = element('a', 'search-place-link');
  a.href = placeHref(base, url, group.id, query);
  a.append(element('span', 'search-place-title', group.id === null ? TOP_OF_PAGE : group.title), element('span', 'search-count', hitCountText(group.count)));
  li.append(a, excerptElement(group.excerpt));
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
  if (outcome.unfiltered === 0) return `没有找到包含${quoted}的页面。`;
  const hits = outcome.results.reduce((sum, r) => sum + r.count, 0);
  if (filtered) {
    if (outcome.results.length === 0) return `${quoted}见于 ${outcome.unfiltered} 个页面，但没有符合筛选条件的页面。`;
    return `筛选后 ${outcome.results.length} 个页面含${quoted}，共 ${hits} 处（未筛选时 ${outcome.unfiltered} 个页面）。`;
  }
  return `${outcome.results.length} 个页面含${quoted}，共 ${hits} 处。`;
}
