import type { Block, Chapter, Inline, Part, Plan, Section } from './model.ts';

/** Options for reading the model's text. */
export interface TextOptions {
  /** Write each page break as its footer's digits, as the raw text had them. */
  footers?: boolean;
  /** Write each page break as this string (overrides `footers`). */
  footer?: (footer: number) => string;
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
        s += inlines(b.lead ?? [], o) + inlines(b.body, o);
        break;
      case 'target':
        s += inlines(b.lead, o) + inlines(b.body, o);
        break;
      case 'box':
        s += footerText(b.footerBefore, o) + b.label + b.title + inlines(b.intro, o);
        for (const item of b.items) s += inlines(item.lead, o) + inlines(item.body, o);
        break;
      case 'table':
        s += inlines(b.raw, o);
        break;
    }
  }
  return s;
}

/** The text of a section: its heading, then its blocks. */
export function sectionText(section: Section, o: TextOptions = {}): string {
  return footerText(section.footerBefore, o) + section.label + section.title + blocksText(section.blocks, o);
}

/** The text of a chapter: its heading, its introduction and its sections. */
export function chapterText(chapter: Chapter, o: TextOptions = {}): string {
  return (
    footerText(chapter.footerBefore, o) +
    chapter.label +
    chapter.title +
    blocksText(chapter.intro, o) +
    chapter.sections.map((s) => sectionText(s, o)).join('')
  );
}

/** The text of a part: its heading, its introduction and its chapters. */
export function partText(part: Part, o: TextOptions = {}): string {
  return (
    footerText(part.footerBefore, o) +
    part.label +
    part.title +
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
    plan.title +
    plan.approval +
    plan.preface.title +
    blocksText(plan.preface.blocks, o) +
    plan.parts.map((p) => partText(p, o)).join('') +
    footerText(a.footerBefore, o) +
    a.label +
    a.title +
    blocksText(a.blocks, o)
  );
}

/** Every page break of the plan, in reading order, as footer numbers. */
export function planFooters(plan: Plan): number[] {
  const marked = planText(plan, { footer: (n) => `\u0000${n}\u0001` });
  return [...marked.matchAll(/\u0000(\d+)\u0001/g)].map((m) => Number(m[1]));
}
