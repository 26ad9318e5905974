import type { Block, Box, BoxItem, Inline, Paragraph, Target } from './model.ts';
import type { Sentence } from './split-sentences.ts';
import type { StructureDecisions } from '../reviewed/structure-decisions.ts';
import { SourceError } from './errors.ts';
import { inlineText, pushInlines, sliceInlines } from './inline-text.ts';

/** The caption and header that open the column-interleaved indicators table. */
export const INDICATORS_TABLE_START = '“十四五”时期经济社会发展主要指标类序指标目标属性别号';

/** Longest lead sentence, in characters including its final 。 */
export const LEAD_MAX_LENGTH = 20;

/**
 * The lead rule. The printed plan opens most paragraphs with a short bold
 * sentence that states the paragraph's point; the extraction lost the bold.
 * A sentence is taken as a lead when it is a single clause (no ，；,), ends
 * with 。, has at most `LEAD_MAX_LENGTH` characters, and the sentence right
 * after it in the same container is not such a sentence (a lead heads a
 * body; of several short sentences in a row, the last is the lead).
 * `structure-decisions.json` overrides the rule where it is wrong.
 */
export function isLeadShaped(text: string): boolean {
  return text.endsWith('。') && !/[，；,]/.test(text) && [...text].length <= LEAD_MAX_LENGTH && !text.startsWith('——');
}

/** Whether a sentence opens a block of its own kind (table, box or target). */
function opensBlock(text: string): boolean {
  return text.startsWith(INDICATORS_TABLE_START) || /^专栏\d+/.test(text) || text.startsWith('——');
}

/** What `buildBlocks` counts, for the conversion report. */
export interface BlockStats {
  leads: number;
  decisionsUsed: Set<string>;
}

/**
 * Turns a container's sentences into blocks: the indicators table, 专栏
 * boxes, `——` targets and paragraphs with their leads.
 */
export function buildBlocks(given: Sentence[], decisions: StructureDecisions, stats: BlockStats): Block[] {
  const sentences = splitDecidedSentences(given, decisions, stats);
  const find = <T extends { line: number; startsWith: string }>(list: T[], s: Sentence, kind: string) => {
    const hit = list.find((d) => d.line === s.line && s.text.startsWith(d.startsWith));
    if (hit) stats.decisionsUsed.add(`${kind}:${hit.line}`);
    return hit;
  };
  const leadAt = (run: Sentence[], i: number): boolean => {
    const forced = find(decisions.leads, run[i]!, 'lead');
    if (forced) return forced.lead;
    const next = run[i + 1];
    return isLeadShaped(run[i]!.text) && next !== undefined && !isLeadShaped(next.text);
  };
  const startsParagraph = (s: Sentence) => find(decisions.paragraphStarts, s, 'paragraph') !== undefined;

  const blocks: Block[] = [];
  let run: Sentence[] = [];
  const flushRun = () => {
    blocks.push(...paragraphs(run, leadAt, startsParagraph, stats));
    run = [];
  };
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.text.startsWith(INDICATORS_TABLE_START)) {
      flushRun();
      blocks.push({ kind: 'table', table: 'indicators', raw: s.parts });
    } else if (/^专栏\d+/.test(s.text)) {
      flushRun();
      const n = Number(/^专栏(\d+)/.exec(s.text)![1]);
      const endDecision = decisions.boxEnds.find((d) => d.box === n);
      let last = sentences.length - 1;
      if (endDecision) {
        last = sentences.findIndex((t, j) => j >= i && t.line === endDecision.line && t.text.startsWith(endDecision.startsWith));
        if (last < 0) {
          throw new SourceError(endDecision.line, `the end decided for 专栏${n} (“${endDecision.startsWith}”) is not a sentence of that box's chapter`);
        }
        stats.decisionsUsed.add(`box:${n}`);
      }
      blocks.push(box(n, sentences.slice(i, last + 1), leadAt, stats));
      i = last;
    } else if (s.text.startsWith('——')) {
      flushRun();
      let j = i + 1;
      while (j < sentences.length && !opensBlock(sentences[j]!.text) && !startsParagraph(sentences[j]!)) j++;
      const body: Inline[] = [];
      for (const t of sentences.slice(i + 1, j)) pushInlines(body, ...t.parts);
      const target: Target = { kind: 'target', lead: s.parts, body };
      blocks.push(target);
      i = j - 1;
    } else {
      run.push(s);
    }
  }
  flushRun();
  return blocks;
}

/** Cuts the lines that `sentenceSplits` names into two sentences. */
function splitDecidedSentences(sentences: Sentence[], decisions: StructureDecisions, stats: BlockStats): Sentence[] {
  return sentences.flatMap((s) => {
    const split = decisions.sentenceSplits.find((d) => d.line === s.line && s.text.indexOf(d.at) > 0);
    if (!split) return [s];
    stats.decisionsUsed.add(`split:${split.line}`);
    const at = s.text.indexOf(split.at);
    return [
      { line: s.line, parts: sliceInlines(s.parts, 0, at), text: s.text.slice(0, at) },
      { line: s.line, parts: sliceInlines(s.parts, at, s.text.length), text: s.text.slice(at) },
    ];
  });
}

function paragraphs(
  run: Sentence[],
  leadAt: (run: Sentence[], i: number) => boolean,
  startsParagraph: (s: Sentence) => boolean,
  stats: BlockStats,
): Paragraph[] {
  const out: Paragraph[] = [];
  run.forEach((s, i) => {
    const lead = leadAt(run, i);
    if (lead || out.length === 0 || startsParagraph(s)) {
      out.push({ kind: 'paragraph', lead: lead ? s.parts : null, body: lead ? [] : [...s.parts] });
      if (lead) stats.leads++;
    } else {
      pushInlines(out.at(-1)!.body, ...s.parts);
    }
  });
  return out;
}

function box(
  n: number,
  sentences: Sentence[],
  leadAt: (run: Sentence[], i: number) => boolean,
  stats: BlockStats,
): Box {
  const first = sentences[0]!;
  const label = `专栏${n}`;
  const titleEnd = first.text.indexOf('计划', label.length);
  if (titleEnd < 0) throw new SourceError(first.line, `专栏${n}: expected its title, ending in 计划, after “${label}”`);
  const headEnd = titleEnd + 2;
  const head = sliceInlines(first.parts, 0, headEnd);
  if (head.some((p, i) => typeof p === 'object' && i > 0)) {
    throw new SourceError(first.line, `专栏${n}: a page number inside the box title`);
  }
  const footerBefore = typeof head[0] === 'object' ? head[0].footer : null;
  const rest: Sentence[] = [
    { ...first, parts: sliceInlines(first.parts, headEnd, first.text.length), text: first.text.slice(headEnd) },
    ...sentences.slice(1),
  ].filter((s) => s.text !== '');
  const intro: Inline[] = [];
  const items: BoxItem[] = [];
  rest.forEach((s, i) => {
    if (leadAt(rest, i)) {
      items.push({ lead: s.parts, body: [] });
      stats.leads++;
    } else pushInlines(items.length ? items.at(-1)!.body : intro, ...s.parts);
  });
  return {
    kind: 'box',
    n,
    footerBefore,
    label,
    title: inlineText(head).slice(label.length),
    intro,
    items,
  };
}
