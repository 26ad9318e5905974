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
import type { Plan } from '../../convert/model';
import { blockLines, walkPlan } from '../../convert/plan-walk';
import { pageReader } from '../../convert/printed-pages';

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

/** How deep a heading opens its span: a 篇 closes every open span, a 章 all but its 篇's, a section its sibling's. */
const DEPTH = { part: 0, chapter: 1, section: 2, appendix: 0 } as const;

/** Walks the body of the plan in reading order, page by page and character by character. */
export function planPageSpans(plan: Plan): PlanPageSpans {
  const spans: PlanPageSpans = { parts: new Map(), chapters: new Map(), sections: new Map(), boxes: new Map() };
  const pages = pageReader(plan);
  /** The spans that the characters being read belong to (outermost first). */
  const open: PageSpan[] = [];
  const characters = (text: string) => {
    if (text !== '') for (const span of open) span.last = pages.page;
  };
  /** Opens a span at a heading (or box) whose text is `heading`. */
  const start = (footerBefore: number | null, heading: string): PageSpan => {
    pages.turn(footerBefore);
    const span = { first: pages.page, last: pages.page };
    open.push(span);
    characters(heading);
    return span;
  };
  for (const step of walkPlan(plan)) {
    if (step.type === 'block') {
      if (step.in === 'preface' || step.in === 'appendix') continue; // outside the body's spans
      const block = step.node;
      if (block.kind === 'box') spans.boxes.set(block.n, start(block.footerBefore, block.label + block.title));
      for (const piece of blockLines(block).flat()) {
        if (typeof piece === 'string') characters(piece);
        else pages.turn(piece.footer);
      }
      if (block.kind === 'box') open.pop();
      continue;
    }
    open.length = DEPTH[step.type];
    if (step.type === 'appendix') break;
    const { node } = step;
    const span = start(node.footerBefore, node.label + node.title);
    if (step.type === 'part') spans.parts.set(node.n, span);
    else if (step.type === 'chapter') spans.chapters.set(chapterKey(step.part.n, node.n), span);
    else spans.sections.set(sectionKey(step.part.n, step.chapter.n, node.n), span);
  }
  return spans;
}

/** How GB/T 7714-2015 gives the cited pages, bare numbers: `150`, or `150-151` for a span. */
export function pageSpanText(span: PageSpan): string {
  return span.first === span.last ? `${span.first}` : `${span.first}-${span.last}`;
}
