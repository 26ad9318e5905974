import { planSchema, type Appendix, type Block, type Chapter, type Inline, type Part, type Plan, type Section } from './model.ts';
import { pushInlines } from './inline-text.ts';
import { isBox, walkPlan, type PlanStep } from './plan-walk.ts';
import { applyCorrections } from './apply-corrections.ts';
import type { Correction } from '../reviewed/corrections.ts';
import { SourceError, LineIndex } from './errors.ts';
import { parseToc } from './parse-toc.ts';
import { locateHeadings } from './locate-headings.ts';
import { findPageFooters } from './find-page-footers.ts';
import { splitSentences } from './split-sentences.ts';
import { buildBlocks, type BlockStats } from './build-blocks.ts';
import type { StructureDecisions } from '../reviewed/structure-decisions.ts';

/** What a conversion found, for the report printed by `npm run convert`. */
export interface ConvertReport {
  parts: number;
  chapters: number;
  sections: number;
  /** Page footers found and removed from the body (1…N). */
  pageFooters: number;
  /** Lead sentences marked (paragraphs and box items). */
  leads: number;
  boxes: number;
  corrections: number;
  /** Structure decisions applied. */
  decisions: number;
  /** Offsets of the table of contents in the corrected source, removed from the model. */
  toc: { start: number; end: number; footers: number[] };
}

/** Everything the converter needs besides the text: the reviewed repairs and decisions. */
export interface ConvertOptions {
  corrections: Correction[];
  decisions: StructureDecisions;
}

const TITLE_BLOCK = /^(.+?纲要)(\d{4}年\d{1,2}月\d{1,2}日[^\n]*?批准)(序言)/u;

/**
 * Converts the text of the plan (already decoded) into the document model:
 * corrections → title block → table of contents → headings → page footers →
 * sentences → blocks. Every stage reports bad input as a `SourceError`
 * naming the line.
 */
export function convertPlan(source: string, options: ConvertOptions): { plan: Plan; report: ConvertReport } {
  // Structure first, on the text as given: a missing or swapped heading or a
  // truncated file is reported as such, not as a correction that stopped matching.
  readSkeleton(source);
  const text = applyCorrections(source, options.corrections);
  const { lines, title, prefaceStart, tocStart, toc, headings } = readSkeleton(text);
  const footers = findPageFooters(text, toc.end, headings, lines);

  const stats: BlockStats = { leads: 0, decisionsUsed: new Set() };
  const blocksOf = (start: number, end: number) => {
    const { sentences, trailingFooter } = splitSentences(text, start, end, footers, lines);
    return { blocks: buildBlocks(sentences, options.decisions, stats), trailingFooter };
  };
  const preface = blocksOf(prefaceStart, tocStart);
  if (preface.trailingFooter !== null) throw new SourceError(lines.lineOf(tocStart), 'a page number before the table of contents');

  const parts: Part[] = [];
  let appendix: Appendix | null = null;
  let footerBefore: number | null = null;
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    const end = next ? next.start : text.length;
    const [label, titleText] = splitHeading(toc, h.path, h.kind);
    const head = { n: h.path.at(-1) ?? 1, label, title: titleText, page: h.page, footerBefore };
    if (h.kind === 'appendix') {
      // The appendix is one column-interleaved table: its lines are not sentences. The last
      // page's footer ends the file; no page begins after it, so it stays in the raw text.
      const { sentences, trailingFooter } = splitSentences(text, h.end, end, footers, lines);
      const raw: Inline[] = [];
      pushInlines(raw, ...sentences.flatMap((s) => s.parts));
      if (trailingFooter !== null) raw.push({ footer: trailingFooter });
      const { n: _n, ...rest } = head;
      appendix = { ...rest, blocks: [{ kind: 'table', table: 'packages', raw }] };
      return;
    }
    const { blocks, trailingFooter } = blocksOf(h.end, end);
    footerBefore = trailingFooter;
    if (h.kind === 'part') parts.push({ ...head, intro: blocks, chapters: [] });
    else if (h.kind === 'chapter') parts.at(-1)!.chapters.push({ ...head, intro: blocks, sections: [] } satisfies Chapter);
    else parts.at(-1)!.chapters.at(-1)!.sections.push({ ...head, blocks } satisfies Section);
  });

  const unused = [
    ...options.decisions.boxEnds.map((d) => ({ key: `box:${d.box}`, line: d.line })),
    ...options.decisions.leads.map((d) => ({ key: `lead:${d.line}`, line: d.line })),
    ...options.decisions.paragraphStarts.map((d) => ({ key: `paragraph:${d.line}`, line: d.line })),
    ...options.decisions.sentenceSplits.map((d) => ({ key: `split:${d.line}`, line: d.line })),
  ].filter((d) => !stats.decisionsUsed.has(d.key));
  if (unused.length > 0) {
    throw new SourceError(unused[0]!.line, `structure decision ${unused[0]!.key} matches no sentence (review content/structure-decisions.json)`);
  }

  const plan = planSchema.parse({
    title: title[1],
    approval: title[2],
    preface: { title: title[3], blocks: preface.blocks },
    parts,
    appendix,
  });
  const steps = [...walkPlan(plan)];
  const count = (test: (step: PlanStep) => boolean) => steps.filter(test).length;
  return {
    plan,
    report: {
      parts: count((s) => s.type === 'part'),
      chapters: count((s) => s.type === 'chapter'),
      sections: count((s) => s.type === 'section'),
      pageFooters: footers.length,
      leads: stats.leads,
      boxes: count((s) => s.type === 'block' && s.in !== 'appendix' && isBox(s.node)),
      corrections: options.corrections.length,
      decisions: stats.decisionsUsed.size,
      toc: { start: tocStart, end: toc.end, footers: toc.footers },
    },
  };
}

/** Title block, table of contents and the places of all its headings. */
function readSkeleton(text: string) {
  const lines = new LineIndex(text);
  const title = TITLE_BLOCK.exec(text);
  if (!title) {
    throw new SourceError(1, 'expected the title block: the plan title ending in 纲要, the approval date line ending in 批准, then 序言');
  }
  const prefaceStart = title[0].length;
  const tocStart = text.indexOf('目录', prefaceStart);
  if (tocStart < 0) throw new SourceError(lines.lineOf(prefaceStart), 'expected the table of contents (目录) after the 序言');
  const toc = parseToc(text, tocStart, lines);
  const headings = locateHeadings(text, toc.end, toc, lines);
  return { lines, title, prefaceStart, tocStart, toc, headings };
}

function splitHeading(toc: ReturnType<typeof parseToc>, path: number[], kind: string): [string, string] {
  if (kind === 'appendix') return [toc.appendix.label, toc.appendix.title];
  const part = toc.parts[path[0]! - 1]!;
  if (kind === 'part') return [part.label, part.title];
  const chapter = part.chapters[path[1]! - 1]!;
  if (kind === 'chapter') return [chapter.label, chapter.title];
  const section = chapter.sections[path[2]! - 1]!;
  return [section.label, section.title];
}
