/**
 * Where each printed page of the plan begins on the site.
 *
 * The converter puts `<PageMarker page="P" />` exactly where the model has a
 * page break, and the `/page/P/` redirects send readers to that marker, so
 * both must read the model the same way:
 * - page 1 begins at the start of the first 篇's text;
 * - a `{ footer: F }` inline ends page F, so page F + 1 begins right there;
 * - a heading's (or box's) `footerBefore: F` means page F + 1 begins there;
 * - a page beginning at a 篇 heading is marked on the 篇 page when the 篇 has
 *   an introduction, else at the top of its first 章 (where its text starts);
 * - the 序言 lies before page 1 and opens no page;
 * - the footer of the last page ends the document and opens nothing.
 *
 * Pure: takes the model, returns data.
 */
import type { Block, Inline, Plan } from '../../convert/model';
import { PACKAGES_PATH, chapterPath, pageAnchorId, partPath } from '../site-paths';

/** The first printed page of the plan's body. */
export const FIRST_PAGE = 1;
/** The last printed page (the 附表 ends on it). */
export const LAST_PAGE = 218;

/** The site page on which printed page `page` begins. */
export interface PageLocation {
  /** The printed page number. */
  page: number;
  /** Site path (without base) of the page holding the `#page-P` marker. */
  path: string;
}

/**
 * The printed page that begins at a page footer `footer`, or null when the
 * footer closes the last page.
 */
export function pageAfterFooter(footer: number): number | null {
  const page = footer + 1;
  return page <= LAST_PAGE ? page : null;
}

function inlineFooters(inlines: readonly Inline[]): number[] {
  return inlines.flatMap((inline) => (typeof inline === 'string' ? [] : [inline.footer]));
}

/** Page footers of one block, in reading order (a box's `footerBefore` first). */
function blockFooters(block: Block): number[] {
  switch (block.kind) {
    case 'paragraph':
      return [...inlineFooters(block.lead ?? []), ...inlineFooters(block.body)];
    case 'target':
      return [...inlineFooters(block.lead), ...inlineFooters(block.body)];
    case 'box':
      return [
        ...(block.footerBefore === null ? [] : [block.footerBefore]),
        ...inlineFooters(block.intro),
        ...block.items.flatMap((item) => [...inlineFooters(item.lead), ...inlineFooters(item.body)]),
      ];
    case 'table':
      return inlineFooters(block.raw);
    default: {
      const unknown: never = block;
      throw new Error(`unknown block kind: ${JSON.stringify(unknown)}`);
    }
  }
}

function blocksFooters(blocks: readonly Block[]): number[] {
  return blocks.flatMap(blockFooters);
}

function headingFooter(heading: { footerBefore: number | null }): number[] {
  return heading.footerBefore === null ? [] : [heading.footerBefore];
}

/**
 * Every page beginning in the body of the plan, in reading order. A
 * consistent model yields each page 1…218 exactly once; `checkPageLocations`
 * says where it does not.
 */
export function pageLocations(plan: Plan): PageLocation[] {
  const locations: PageLocation[] = [];
  const add = (path: string, footers: number[]): void => {
    for (const footer of footers) {
      const page = pageAfterFooter(footer);
      if (page !== null) locations.push({ page, path });
    }
  };
  plan.parts.forEach((part, index) => {
    const firstChapter = part.chapters[0];
    const textStart =
      part.intro.length === 0 && firstChapter ? chapterPath(part.n, firstChapter.n) : partPath(part.n);
    if (index === 0) locations.push({ page: FIRST_PAGE, path: textStart });
    add(textStart, headingFooter(part));
    add(partPath(part.n), blocksFooters(part.intro));
    for (const chapter of part.chapters) {
      const page = chapterPath(part.n, chapter.n);
      add(page, [...headingFooter(chapter), ...blocksFooters(chapter.intro)]);
      for (const section of chapter.sections) {
        add(page, [...headingFooter(section), ...blocksFooters(section.blocks)]);
      }
    }
  });
  add(PACKAGES_PATH, [...headingFooter(plan.appendix), ...blocksFooters(plan.appendix.blocks)]);
  return locations;
}

/** What is wrong with the page locations of a model: pages never begun, pages begun twice. */
export interface PageLocationProblems {
  missing: number[];
  duplicated: number[];
}

/** Pages 1…218 that begin nowhere or more than once. */
export function checkPageLocations(locations: readonly PageLocation[]): PageLocationProblems {
  const counts = new Map<number, number>();
  for (const { page } of locations) counts.set(page, (counts.get(page) ?? 0) + 1);
  const missing: number[] = [];
  const duplicated: number[] = [];
  for (let page = FIRST_PAGE; page <= LAST_PAGE; page++) {
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
