/**
 * The type filter values of search (`type`): which kinds of the plan's
 * content a page holds. Pagefind filters are per page, so a chapter page
 * that holds a 专栏 box is both 正文 and 专栏.
 *
 * - every 篇 and 章 page and the home page (序言): 正文;
 *   a 章 page also 专栏 when it holds a box (the `<aside id="box-N">` carries
 *   `data-plan-type="专栏"`), and 指标 when it holds the indicators table
 *   (its wrapper carries `data-plan-type="指标"`, the table `id="indicators"`);
 * - /boxes/: 专栏 (each entry `data-plan-type="专栏"`, id `box-N`);
 * - /indicators/: 指标;
 * - /packages/ and /packages/N/: 重大工程包 (the table region and the package
 *   article carry `data-plan-type="重大工程包"`; rows `id="package-N"`, items `id="item-K"`).
 *
 * Pure: the model and a site path (without base) in, the values out.
 */
import type { Plan } from '../convert/model';
import { isBox, isIndicatorsTable } from '../convert/plan-walk';
import { BOXES_PATH, HOME_PATH, INDICATORS_PATH, PACKAGES_PATH, isPackagePath } from '../site/site-paths';
import { pageSteps } from '../site/plan/page-steps';

/** A value of the search type filter. */
export type SearchType = '正文' | '专栏' | '指标' | '重大工程包';

/** The filter key under which the values are indexed. */
export const SEARCH_TYPE_FILTER = 'type';

/** The attribute that marks an element as holding content of a type (`data-plan-type="专栏"`). */
export const PLAN_TYPE_ATTRIBUTE = 'data-plan-type';

/** The type values of the page at `path`, most specific last; empty for pages not indexed as plan content. */
export function searchTypesForPath(plan: Plan, path: string): SearchType[] {
  if (path === HOME_PATH) return ['正文'];
  if (path === BOXES_PATH) return ['专栏'];
  if (path === INDICATORS_PATH) return ['指标'];
  if (path === PACKAGES_PATH || isPackagePath(path)) return ['重大工程包'];
  const onPage = pageSteps(plan, path);
  if (onPage.length === 0) return [];
  const blocks = onPage.flatMap((step) => (step.type === 'block' ? [step.node] : []));
  const types: SearchType[] = ['正文'];
  if (blocks.some(isBox)) types.push('专栏');
  if (blocks.some(isIndicatorsTable)) types.push('指标');
  return types;
}
