import type { Block, Chapter, Inline, Part, Plan, Section, Table } from './model.ts';

/** Options for reading the model's text. */
export interface TextOptions {
  /** Write each page break as its footer's digits, as the raw text had them. */
  footers?: boolean;
  /** Write each page break as this string (overrides `footers`). */
  footer?: (footer: number) => string;
  /** Write each table as this string instead of its raw text (e.g. its curated cells). */
  table?: (table: Table) => string;
  /**
   * Written after the title, the approval line, each heading (label and
   * title), each paragraph and target line, a box's heading, intro and each
   * item, and each table: the line breaks of the plain-text download.
   */
  lineEnd?: string;
}

/** `text` followed by the line end, if any. */
function line(text: string, o: TextOptions): string {
  return text + (o.lineEnd ?? '');
}

function footerText(footer: number | null, o: TextOptions): string {
  if (footer === null) return '';
  if (o.footer) return o.footer(footer);
  return o.footers ? String(footer) : '';
}

function inlines(parts: readonly Inline[], o: TextOptions): string {
  let s = '';
  for (const p of parts) s += typeof p === 'string' ? p : footerText(p.footer, o);
  return s;
}

/** The text of blocks in reading order. */
export function blocksText(blocks: readonly Block[], o: TextOptions = {}): string {
  let s = '';
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
        s += line(inlines(b.lead ?? [], o) + inlines(b.body, o), o);
        break;
      case 'target':
        s += line(inlines(b.lead, o) + inlines(b.body, o), o);
        break;
      case 'box':
        s += footerText(b.footerBefore, o) + line(b.label + b.title, o);
        if (b.intro.length > 0) s += line(inlines(b.intro, o), o);
        for (const item of b.items) s += line(inlines(item.lead, o) + inlines(item.body, o), o);
        break;
      case 'table':
        s += line(o.table ? o.table(b) : inlines(b.raw, o), o);
        break;
    }
  }
  return s;
}

/** The text of a section: its heading, then its blocks. */
export function sectionText(section: Section, o: TextOptions = {}): string {
  return footerText(section.footerBefore, o) + line(section.label + section.title, o) + blocksText(section.blocks, o);
}

/** The text of a chapter: its heading, its introduction and its sections. */
export function chapterText(chapter: Chapter, o: TextOptions = {}): string {
  return (
    footerText(chapter.footerBefore, o) +
    line(chapter.label + chapter.title, o) +
    blocksText(chapter.intro, o) +
    chapter.sections.map((s) => sectionText(s, o)).join('')
  );
}

/** The text of a part: its heading, its introduction and its chapters. */
export function partText(part: Part, o: TextOptions = {}): string {
  return (
    footerText(part.footerBefore, o) +
    line(part.label + part.title, o) +
    blocksText(part.intro, o) +
    part.chapters.map((c) => chapterText(c, o)).join('')
  );
}

/**
 * The whole plan's text in reading order: title block, 序言, the parts and
 * the appendix. With `footers`, each page break is written back as the
 * footer digits that stood there, which makes it comparable with the source.
 */
export function planText(plan: Plan, o: TextOptions = {}): string {
  const a = plan.appendix;
  return (
    line(plan.title, o) +
    line(plan.approval, o) +
    line(plan.preface.title, o) +
    blocksText(plan.preface.blocks, o) +
    plan.parts.map((p) => partText(p, o)).join('') +
    footerText(a.footerBefore, o) +
    line(a.label + a.title, o) +
    blocksText(a.blocks, o)
  );
}

/** Every page break of the plan, in reading order, as footer numbers. */
export function planFooters(plan: Plan): number[] {
  const marked = planText(plan, { footer: (n) => `\u0000${n}\u0001` });
  return [...marked.matchAll(/\u0000(\d+)\u0001/g)].map((m) => Number(m[1]));
}
