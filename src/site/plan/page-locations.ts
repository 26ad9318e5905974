/**
 * Where each printed page of the plan begins on the site: the page holding
 * its `<PageMarker>`, which the `/page/P/` redirects send readers to. The
 * rule is printed-pages.ts's, which the MDX pages follow too.
 *
 * Pure: takes the model, returns data.
 */
import type { Plan, Table } from '../../convert/model';
import { blockFooters, footerBeforeStep, planBlocks, walkPlan } from '../../convert/plan-walk';
import { FIRST_PAGE, lastPage, pageAfterFooter, pagesBegunIn, partOpening } from '../../convert/printed-pages';
import { chapterPath, pageAnchorId, partPath, stepPagePath } from '../site-paths';

/** The site page on which printed page `page` begins. */
export interface PageLocation {
  /** The printed page number. */
  page: number;
  /** Site path (without base) of the page holding the `#page-P` marker. */
  path: string;
}

/**
 * Every page beginning in the body of the plan, in reading order. A
 * consistent model yields each of its pages exactly once; `checkPageLocations`
 * says where it does not.
 */
export function pageLocations(plan: Plan): PageLocation[] {
  const locations: PageLocation[] = [];
  const last = lastPage(plan);
  const add = (path: string, footers: readonly (number | null)[]): void => {
    for (const footer of footers) {
      const page = footer === null ? null : pageAfterFooter(footer, last);
      if (page !== null) locations.push({ page, path });
    }
  };
  for (const step of walkPlan(plan)) {
    if (step.type === 'part') {
      const { node: part } = step;
      const opening = partOpening(part, step.index);
      add(opening.onPartPage ? partPath(part.n) : chapterPath(part.n, part.chapters[0]!.n), [opening.footer]);
    } else if (step.type !== 'block' || step.in !== 'preface') {
      add(stepPagePath(step), [footerBeforeStep(step), ...(step.type === 'block' ? blockFooters(step.node) : [])]);
    }
  }
  return locations;
}

/** What is wrong with the page locations of a model: pages never begun, pages begun twice. */
export interface PageLocationProblems {
  missing: number[];
  duplicated: number[];
}

/** Pages `FIRST_PAGE`…`last` (see `lastPage`) that begin nowhere or more than once. */
export function checkPageLocations(locations: readonly PageLocation[], last: number): PageLocationProblems {
  const counts = new Map<number, number>();
  for (const { page } of locations) counts.set(page, (counts.get(page) ?? 0) + 1);
  const missing: number[] = [];
  const duplicated: number[] = [];
  for (let page = FIRST_PAGE; page <= last; page++) {
    const count = counts.get(page) ?? 0;
    if (count === 0) missing.push(page);
    if (count > 1) duplicated.push(page);
  }
  return { missing, duplicated };
}

/**
 * Page number → where it begins. When a page begins twice (an inconsistent
 * model) the first place in reading order wins; `checkPageLocations` reports it.
 */
export function pageLocationMap(locations: readonly PageLocation[]): Map<number, PageLocation> {
  const map = new Map<number, PageLocation>();
  for (const location of locations) if (!map.has(location.page)) map.set(location.page, location);
  return map;
}

/** Site path plus fragment of the marker of a page (`/part-9/chapter-3/#page-150`). */
export function pageLocationHref(location: PageLocation): string {
  return `${location.path}#${pageAnchorId(location.page)}`;
}

/** A page break recorded in a curated table: footer `footer` stood after row (or package) `afterNo`. */
export interface CuratedPageBreak {
  footer: number;
  afterNo: number;
}

/**
 * Row number → the printed page that begins with that row of the plan's
 * curated table `table` (the footer after row N opens page footer + 1 at row
 * N + 1; the footer of the last page opens nothing). The pages the model
 * begins inside its table (`pagesBegunIn`) and the curated breaks must name
 * the same pages, or the table's page markers would disagree with the
 * text's, so this throws. Every rendering of a table (MDX pages, `Blocks`,
 * /indicators/, the EPUB) reads its page markers here.
 */
export function curatedTablePageRows(plan: Plan, table: Table['table'], pageBreaks: readonly CuratedPageBreak[]): Map<number, number> {
  const last = lastPage(plan);
  const blocks = [...planBlocks(plan, (b): b is Table => b.kind === 'table' && b.table === table)];
  if (blocks.length !== 1) throw new Error(`plan.json has ${blocks.length} ${table} tables, not one`);
  const begun = pagesBegunIn(blocks[0]!.node, last);
  const opening = pageBreaks.flatMap((pb) => {
    const page = pageAfterFooter(pb.footer, last);
    return page === null ? [] : [{ row: pb.afterNo + 1, page }];
  });
  const curated = opening.map((o) => o.page);
  if (begun.join(' ') !== curated.join(' ')) {
    throw new Error(`${table} table: the model begins pages [${begun}] in the table, the curated data (content/data/${table}.json) [${curated}]`);
  }
  return new Map(opening.map((o) => [o.row, o.page]));
}
