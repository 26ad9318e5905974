/**
 * The printed pages of the plan as the model records them — the one rule the
 * MDX pages (build-mdx.ts) and the site (page markers, /page/P/, citations)
 * read page breaks by:
 * - page 1 begins at the start of the first 篇's text;
 * - a `{ footer: F }` inline ends page F, so page F + 1 begins right there;
 * - a heading's (or box's) `footerBefore: F` means page F + 1 begins there;
 * - a page beginning at a 篇 heading is marked on the 篇 page when the 篇 has
 *   an introduction, else at the top of its first 章 (where its text starts);
 * - the 序言 lies before page 1 and opens no page;
 * - the footer of the last page ends the document and opens nothing.
 * The number of pages is the source's own (its last footer), never a constant.
 *
 * Pure: takes the model, returns data.
 */
import type { Part, Plan, Table } from './model.ts';
import { planFooters, planText } from './plan-text.ts';
import { planHeadings } from './plan-walk.ts';

/** The first printed page of the plan's body. */
export const FIRST_PAGE = 1;

const lastPages = new WeakMap<Plan, number>();

/**
 * The last printed page: the number of the footer that ends the document (the
 * plan's text ends with its footer, as the source ends with `218`); for a
 * model whose text runs on after its last footer, the page that footer opens.
 */
export function lastPage(plan: Plan): number {
  let last = lastPages.get(plan);
  if (last === undefined) {
    const footers = planFooters(plan);
    const endsWithFooter = planText(plan, { footer: () => '\u0000' }).endsWith('\u0000');
    last = footers.length === 0 ? FIRST_PAGE : footers.at(-1)! + (endsWithFooter ? 0 : 1);
    lastPages.set(plan, last);
  }
  return last;
}

/**
 * The printed page that begins at footer `footer`, or null when the footer
 * closes the last page (`last`, see `lastPage`).
 */
export function pageAfterFooter(footer: number, last: number): number | null {
  const page = footer + 1;
  return page <= last ? page : null;
}

/** The printed page being read as a walk passes the plan's page breaks in reading order. */
export interface PageReader {
  /** The page the next character is on (page 1 until the first break). */
  readonly page: number;
  /** Passes a break: footer `footer` opens the page after it (the last page's footer opens none; null passes nothing). */
  turn(footer: number | null): void;
}

/** A page reader for the body of `plan` (see `walkPlan`), starting on `FIRST_PAGE`. */
export function pageReader(plan: Plan): PageReader {
  const last = lastPage(plan);
  let page = FIRST_PAGE;
  return {
    get page() {
      return page;
    },
    turn(footer) {
      if (footer !== null) page = pageAfterFooter(footer, last) ?? page;
    },
  };
}

/** The printed pages that begin inside a table (the pages after its footers); the last page's footer (`last`) opens none. */
export function pagesBegunIn(table: Table, last: number): number[] {
  return table.raw.flatMap((p) => {
    const page = typeof p === 'string' ? null : pageAfterFooter(p.footer, last);
    return page === null ? [] : [page];
  });
}

/** Where the page that begins at a 篇's heading is marked. */
export interface PartOpening {
  /** The footer whose page begins with the 篇 (0 for the first 篇: page 1), or null when none does. */
  footer: number | null;
  /** True: on the 篇's own page (it has an introduction); false: atop its first 章. */
  onPartPage: boolean;
}

/** The opening of the `index`-th 篇 of the plan (0-based). */
export function partOpening(part: Part, index: number): PartOpening {
  return {
    footer: index === 0 ? FIRST_PAGE - 1 : part.footerBefore,
    onPartPage: part.intro.length > 0 || part.chapters.length === 0,
  };
}

/**
 * What is wrong with the model's page breaks (empty when nothing): the
 * footers, in reading order, must be 1, 2, …, N, and every page the table of
 * contents gives must be one of the N pages. The converter finds them so; a
 * plan.json read from disk is checked again.
 */
export function printedPageProblems(plan: Plan): string[] {
  const footers = planFooters(plan);
  const problems: string[] = [];
  const wrong = footers.findIndex((footer, i) => footer !== i + 1);
  if (wrong >= 0) problems.push(`footer ${footers[wrong]} stands where footer ${wrong + 1} belongs`);
  const last = lastPage(plan);
  for (const { node: h } of planHeadings(plan)) if (h.page > last) problems.push(`${h.label}${h.title} is on page ${h.page}, after the last page ${last}`);
  return problems;
}
