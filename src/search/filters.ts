/**
 * The search filters of a page, by its site path: `part` (the 篇, as
 * `第N篇 title`) and `type` (正文, 专栏, 指标, 重大工程包). Pagefind filters
 * are per page, so a 章 page that holds a 专栏 box is both 正文 and 专栏.
 *
 * - type: as search/search-types.ts gives it (正文 for / and every 篇 and 章
 *   page, plus 专栏 or 指标 where a page holds a box or the indicators table;
 *   专栏 for /boxes/, 指标 for /indicators/, 重大工程包 for the 附表 pages);
 * - part: a 篇 or 章 page's own 篇; for /boxes/ and /indicators/ the 篇 of
 *   the boxes and the table they show; none for /, the 附表 pages and any
 *   page without a type (/search/, /full/, the /page/P/ redirects).
 *
 * Pure: the model and a site path (without the base) in, the values out.
 */
import type { Block, Part, Plan } from '../convert/model';
import { BOXES_PATH, INDICATORS_PATH, chapterPath, partPath } from '../site/site-paths';
import { SEARCH_TYPE_FILTER, searchTypesForPath, type SearchType } from './search-types';

/** The values of the `type` filter, in the order the search page lists them. */
export const SEARCH_TYPES: readonly SearchType[] = ['正文', '专栏', '指标', '重大工程包'];

/** Filter keys as indexed. */
export const FILTER_KEYS = { part: 'part', type: SEARCH_TYPE_FILTER } as const;

/** The filters of one page. */
export interface PageFilters {
  part: string[];
  type: SearchType[];
}

/** The `part` filter value of a 篇 (`第九篇 大力推动绿色北京建设`). */
export function partFilterValue(part: Pick<Part, 'label' | 'title'>): string {
  return `${part.label} ${part.title}`;
}

const hasBox = (blocks: readonly Block[]) => blocks.some((b) => b.kind === 'box');
const hasIndicators = (blocks: readonly Block[]) => blocks.some((b) => b.kind === 'table' && b.table === 'indicators');

function partBlocks(part: Part): Block[][] {
  return [part.intro, ...part.chapters.flatMap((c) => [c.intro, ...c.sections.map((s) => s.blocks)])];
}

/** The 篇 of the page at `path`: its own, or for /boxes/ and /indicators/ those of what they list. */
function partsOf(plan: Plan, path: string): string[] {
  if (path === BOXES_PATH) return plan.parts.filter((p) => partBlocks(p).some(hasBox)).map(partFilterValue);
  if (path === INDICATORS_PATH) return plan.parts.filter((p) => partBlocks(p).some(hasIndicators)).map(partFilterValue);
  for (const part of plan.parts) {
    if (path === partPath(part.n) || part.chapters.some((c) => path === chapterPath(part.n, c.n))) return [partFilterValue(part)];
  }
  return [];
}

/** The filters of the page at site path `path` (types: search/search-types.ts). */
export function searchFilters(plan: Plan, path: string): PageFilters {
  const type = searchTypesForPath(plan, path);
  return { part: type.length > 0 ? partsOf(plan, path) : [], type };
}
