/**
 * The plan's characters per site page, straight from the model, to compare
 * with what a reader can copy from the built pages.
 */
import type { Appendix, Block, Chapter, Inline, Part, Plan } from '../../src/convert/model';

/** Characters of running text (page breaks carry none). */
export function inlinesText(inlines: readonly Inline[]): string {
  return inlines.filter((i): i is string => typeof i === 'string').join('');
}

/** Characters of blocks in reading order. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return inlinesText(block.lead ?? []) + inlinesText(block.body);
        case 'target':
          return inlinesText(block.lead) + inlinesText(block.body);
        case 'box':
          return (
            block.label +
            block.title +
            inlinesText(block.intro) +
            block.items.map((item) => inlinesText(item.lead) + inlinesText(item.body)).join('')
          );
        case 'table':
          return inlinesText(block.raw);
      }
    })
    .join('');
}

/** A 篇 page: its heading and its intro. */
export function partPageText(part: Part): string {
  return part.label + part.title + blocksText(part.intro);
}

/** A 章 page: its heading, intro and sections. */
export function chapterPageText(chapter: Chapter): string {
  return (
    chapter.label +
    chapter.title +
    blocksText(chapter.intro) +
    chapter.sections.map((s) => s.label + s.title + blocksText(s.blocks)).join('')
  );
}

/** The /packages/ page. */
export function appendixPageText(appendix: Appendix): string {
  return appendix.label + appendix.title + blocksText(appendix.blocks);
}

/** The home page's plan text: title block and 序言 (the contents list is site navigation). */
export function homePageText(plan: Plan): string {
  return plan.title + plan.approval + plan.preface.title + blocksText(plan.preface.blocks);
}

/** The /full/ page: everything, in reading order. */
export function fullPageText(plan: Plan): string {
  return (
    homePageText(plan) +
    plan.parts.map((part) => partPageText(part) + part.chapters.map(chapterPageText).join('')).join('') +
    appendixPageText(plan.appendix)
  );
}

/** Text with all whitespace removed: markup line breaks are not the plan's. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
