/**
 * The printed pages of an indexed page, for search hits (`印刷版第56页`):
 * the page its text begins on (where its heading stands: page-spans.ts), and for pages that show parts of the plan
 * without page markers (/boxes/, /indicators/, /packages/N/) the printed
 * pages of each place (box, table) by its id. On pages with markers the
 * markers themselves (`<a id="page-P">`, recorded by the index as anchors)
 * say where each later page begins; see hits.ts.
 *
 * Written into the index as one Pagefind meta value (`printed`), so it
 * travels in each page's fragment and costs no extra download. The value
 * holds no comma (Pagefind splits meta at commas): `68|box-7 150 151 第九篇|…`.
 *
 * Pure: the model and a site path (without base) in, the value out.
 */
import type { Plan } from '../convert/model';
import { planHeadings } from '../convert/plan-walk';
import { pageAfterFooter } from '../convert/printed-pages';
import { BOXES_PATH, INDICATORS_PATH, PACKAGES_PATH, boxId, chapterPath, partPath } from '../site/site-paths';
import { boxPlaces, indicatorsPlace } from '../site/plan/block-places';
import { chapterKey, planPageSpans, type PlanPageSpans } from '../site/plan/page-spans';

const spansOf = new WeakMap<Plan, PlanPageSpans>();
/** The page spans of the plan's 篇 and 章 (where each heading stands), once per plan. */
function spans(plan: Plan): PlanPageSpans {
  let found = spansOf.get(plan);
  if (!found) spansOf.set(plan, (found = planPageSpans(plan)));
  return found;
}

/** The Pagefind meta key of the value. */
export const PRINTED_META = 'printed';

/** A place (by its element id) and the printed pages it spans; `part` the label of its 篇 (`第九篇`) when the page shows several. */
export interface PrintedPlace {
  id: string;
  first: number;
  last: number;
  part?: string;
}

/** The printed pages of one indexed page. */
export interface PrintedPages {
  /** The printed page the page's text begins on; null before page 1 (the 序言) or when unknown. */
  start: number | null;
  places: PrintedPlace[];
}

/** A package's first printed page: the 附表's, moved on by each page break before it. */
function packagePage(plan: Plan, n: number, breaks: readonly { footer: number; afterNo: number }[], last: number): number {
  let page = plan.appendix.page;
  for (const pb of breaks) if (pb.afterNo < n) page = pageAfterFooter(pb.footer, last) ?? page;
  return page;
}

/** The printed pages of the page at site path `path`. */
export function printedPages(
  plan: Plan,
  path: string,
  packages: { breaks: readonly { footer: number; afterNo: number }[]; last: number },
): PrintedPages {
  if (path === BOXES_PATH) {
    const places = boxPlaces(plan).map((p) => ({ id: boxId(p.block.n), first: p.firstPage, last: p.lastPage, part: p.part.label }));
    return { start: places[0]?.first ?? null, places };
  }
  if (path === INDICATORS_PATH) {
    const place = indicatorsPlace(plan);
    return { start: place.firstPage, places: [] };
  }
  if (path === PACKAGES_PATH) return { start: plan.appendix.page, places: [] };
  const pkg = /^\/packages\/(\d+)\/$/.exec(path);
  if (pkg) return { start: packagePage(plan, Number(pkg[1]), packages.breaks, packages.last), places: [] };
  for (const step of planHeadings(plan)) {
    if (step.type === 'part' && path === partPath(step.node.n)) return { start: spans(plan).parts.get(step.node.n)?.first ?? null, places: [] };
    if (step.type === 'chapter' && path === chapterPath(step.part.n, step.node.n)) {
      return { start: spans(plan).chapters.get(chapterKey(step.part.n, step.node.n))?.first ?? null, places: [] };
    }
  }
  return { start: null, places: [] };
}

/** The meta value (no commas). */
export function encodePrintedPages(pages: PrintedPages): string {
  return [String(pages.start ?? ''), ...pages.places.map((p) => [p.id, p.first, p.last, p.part ?? ''].join(' ').trim())].join('|');
}

/** The meta value read back; null for a missing or malformed value. */
export function decodePrintedPages(value: string | undefined): PrintedPages | null {
  if (value === undefined || value === '') return null;
  const [start = '', ...rest] = value.split('|');
  const places: PrintedPlace[] = [];
  for (const entry of rest) {
    const [id, first, last, part] = entry.split(' ');
    if (!id || !first || !last) continue;
    places.push({ id, first: Number(first), last: Number(last), ...(part ? { part } : {}) });
  }
  return { start: start === '' ? null : Number(start), places };
}
