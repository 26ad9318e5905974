/**
 * What a printed sheet says about where it comes from: the running header
 * (the plan's short title, then the 篇 and 章 of the page) and, above the
 * page's heading on the first sheet, the plan's full title and the 篇 a
 * chapter belongs to. Pure.
 */
import type { Plan } from '../../convert/model';
import { SITE_TITLE, findChapter, findPart, type PlanPageRef } from './plan-nav';

/** Separator of the running header's pieces. */
const SEP = ' · ';

/**
 * The running header of every sheet of a page: `北京市“十四五”规划纲要 · 第五篇 · 第二章 …`
 * on a 章, `… · 第五篇 …` on a 篇, the page's own title elsewhere, the short
 * title alone on the pages that show the whole plan's title.
 */
export function runningHeader(plan: Plan, ref: PlanPageRef | undefined, pageTitle: string): string {
  switch (ref?.kind) {
    case 'chapter': {
      const { part, chapter } = findChapter(plan, ref.part, ref.chapter);
      return [SITE_TITLE, part.label, `${chapter.label} ${chapter.title}`].join(SEP);
    }
    case 'part': {
      const part = findPart(plan, ref.part);
      return [SITE_TITLE, `${part.label} ${part.title}`].join(SEP);
    }
    case 'appendix':
      return [SITE_TITLE, `${plan.appendix.label} ${plan.appendix.title}`].join(SEP);
    case 'package':
      return [SITE_TITLE, plan.appendix.label, ref.name].join(SEP);
    case 'title-block':
    case undefined:
      return SITE_TITLE;
    default:
      return [SITE_TITLE, pageTitle].join(SEP);
  }
}

/** The lines printed above a page's heading on its first sheet: the plan's title, and a chapter's 篇. */
export function printedTitleLines(plan: Plan, ref: PlanPageRef | undefined): string[] {
  if (!ref || ref.kind === 'title-block') return [];
  if (ref.kind === 'chapter') {
    const { part } = findChapter(plan, ref.part, ref.chapter);
    return [plan.title, `${part.label} ${part.title}`];
  }
  return [plan.title];
}

/** `text` as a CSS string literal. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/** The page's `@page` rule that sets its running header. */
export function runningHeaderCss(header: string): string {
  return `@media print { @page { @top-left { content: ${cssString(header)}; } } }`;
}
