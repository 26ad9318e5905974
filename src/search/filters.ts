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
import type { Part, Plan } from '../convert/model';
import { isBox, isIndicatorsTable, stepPlace } from '../convert/plan-walk';
import { BOXES_PATH, INDICATORS_PATH } from '../site/site-paths';
import { pageSteps, planSteps } from '../site/plan/page-steps';
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

/** The 篇 of the page at `path`: its own, or for /boxes/ and /indicators/ those of what they list. */
function partsOf(plan: Plan, path: string): string[] {
  const listed = path === BOXES_PATH ? isBox : path === INDICATORS_PATH ? isIndicatorsTable : null;
  const steps = listed ? planSteps(plan).filter((step) => step.type === 'block' && listed(step.node)) : pageSteps(plan, path);
  const parts = new Set(steps.map((step) => stepPlace(step).part).filter((part) => part !== null));
  return [...parts].map(partFilterValue);
}

/** The filters of the page at site path `path` (types: search/search-types.ts). */
export function searchFilters(plan: Plan, path: string): PageFilters {
  const type = searchTypesForPath(plan, path);
  return { part: type.length > 0 ? partsOf(plan, path) : [], type };
}
