/**
 * The plan's characters per site page, straight from the model, to compare
 * with what a reader can copy from the built pages. The two column-interleaved
 * tables are shown from the curated data, in a different character order than
 * the raw: their text is left out here and compared, cell by cell, with the
 * curated data (`indicatorsTableText`, `packagesTableText`), whose
 * faithfulness to the raw tests/tables proves.
 */
import type { Appendix, Block, Chapter, Inline, Part, Plan } from '../../src/convert/model';
import type { IndicatorsTable } from '../../src/reviewed/indicators-table';
import type { PackagesTable } from '../../src/reviewed/packages-table';

/** Characters of running text (page breaks carry none). */
export function inlinesText(inlines: readonly Inline[]): string {
  return inlines.filter((i): i is string => typeof i === 'string').join('');
}

/** Characters of blocks in reading order (the curated tables aside). */
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
          return '';
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

/**
 * The cells of the indicators table in the order the page shows them: the
 * caption, the headers, then row by row (a 类别 cell opens its group; rows 9
 * and 25 show 序号, label, first sub-row and 属性, then the second sub-row),
 * then the note.
 */
export function indicatorsTableText(table: IndicatorsTable): string[] {
  const cells = [table.caption, ...table.headers];
  for (const category of table.categories) {
    category.rows.forEach((row, ri) => {
      row.measures.forEach((m, mi) => {
        if (ri === 0 && mi === 0) cells.push(category.category);
        if (mi === 0) cells.push(String(row.no));
        if (mi === 0 && row.label !== null) cells.push(row.label);
        cells.push(m.name + m.unitAsPrinted, m.target);
        if (mi === 0) cells.push(row.attribute);
      });
    });
  }
  cells.push(table.note);
  return cells;
}

/** The cells of the 附表 table in page order: the headers, then name, goal and content of each package. */
export function packagesTableText(table: PackagesTable): string[] {
  return [...table.headers, ...table.packages.flatMap((p) => [p.name, p.goal, p.content])];
}
