/**
 * The printed pages each part of the plan spans, for citations (`150-151`).
 *
 * A 篇, 章, section or 专栏 box starts on the page where its heading stands
 * and ends on the page of its last character. Pages turn where the model has
 * a page break, read by the rule of `printed-pages.ts`: page 1 begins
 * with the first 篇, a `{ footer: F }` inline or a `footerBefore: F` opens
 * page F + 1 (`pageAfterFooter`). A break after the last character of a
 * spot opens a page the spot does not reach, so only characters move the end.
 *
 * Pure: takes the model, returns data.
 */
import type { Block, Inline, Plan } from '../../convert/model';
import { FIRST_PAGE, lastPage, pageAfterFooter } from '../../convert/printed-pages';

/** The first and last printed page of a stretch of the plan (equal for one page). */
export interface PageSpan {
  first: number;
  last: number;
}

/** Spans of every 篇, 章, section and box of the plan's body. */
export interface PlanPageSpans {
  /** By 篇 number: the heading to the last character of its last 章. */
  parts: Map<number, PageSpan>;
  /** By `chapterKey(part, chapter)`. */
  chapters: Map<string, PageSpan>;
  /** By `sectionKey(part, chapter, section)`. */
  sections: Map<string, PageSpan>;
  /** By box number (unique in the plan). */
  boxes: Map<number, PageSpan>;
}

/** Key of a 章 in `PlanPageSpans.chapters` (`5/2`). */
export const chapterKey = (part: number, chapter: number): string => `${part}/${chapter}`;

/** Key of a section in `PlanPageSpans.sections` (`5/2/1`). */
export const sectionKey = (part: number, chapter: number, section: number): string => `${part}/${chapter}/${section}`;

/** Walks the body of the plan in reading order, page by page and character by character. */
export function planPageSpans(plan: Plan): PlanPageSpans {
  const spans: PlanPageSpans = { parts: new Map(), chapters: new Map(), sections: new Map(), boxes: new Map() };
  let page = FIRST_PAGE;
  const last = lastPage(plan);
  /** The spans that the characters being read belong to (outermost first). */
  const open: PageSpan[] = [];
  const turn = (footer: number | null) => {
    if (footer !== null) page = pageAfterFooter(footer, last) ?? page;
  };
  const characters = (text: string) => {
    if (text !== '') for (const span of open) span.last = page;
  };
  const inlines = (run: readonly Inline[] | null) => {
    for (const piece of run ?? []) {
      if (typeof piece === 'string') characters(piece);
      else turn(piece.footer);
    }
  };
  /** Opens a span at a heading (or box) whose text is `heading`. */
  const start = (footerBefore: number | null, heading: string): PageSpan => {
    turn(footerBefore);
    const span = { first: page, last: page };
    open.push(span);
    characters(heading);
    return span;
  };
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      switch (block.kind) {
        case 'paragraph':
        case 'target':
          inlines(block.lead);
          inlines(block.body);
          break;
        case 'box': {
          spans.boxes.set(block.n, start(block.footerBefore, block.label + block.title));
          inlines(block.intro);
          for (const item of block.items) {
            inlines(item.lead);
            inlines(item.body);
          }
          open.pop();
          break;
        }
        case 'table':
          inlines(block.raw);
          break;
      }
    }
  };
  for (const part of plan.parts) {
    spans.parts.set(part.n, start(part.footerBefore, part.label + part.title));
    blocks(part.intro);
    for (const chapter of part.chapters) {
      spans.chapters.set(chapterKey(part.n, chapter.n), start(chapter.footerBefore, chapter.label + chapter.title));
      blocks(chapter.intro);
      for (const section of chapter.sections) {
        spans.sections.set(sectionKey(part.n, chapter.n, section.n), start(section.footerBefore, section.label + section.title));
        blocks(section.blocks);
        open.pop();
      }
      open.pop();
    }
    open.pop();
  }
  return spans;
}

/** How GB/T 7714-2015 gives the cited pages, bare numbers: `150`, or `150-151` for a span. */
export function pageSpanText(span: PageSpan): string {
  return span.first === span.last ? `${span.first}` : `${span.first}-${span.last}`;
}
