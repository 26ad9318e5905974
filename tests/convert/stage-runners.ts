/**
 * The converter's stages as the fixture loop (fixtures.test.ts) runs them:
 * for each stage, the name of its input file and what the stage makes of it
 * (text, or a value compared as JSON). The stages before it run as the
 * converter runs them.
 */
import { blocksToMdast, serializeMdxPage } from '../../src/convert/build-mdx.ts';
import { buildBlocks } from '../../src/convert/build-blocks.ts';
import { convertPlan } from '../../src/convert/convert-plan.ts';
import { decodeSource } from '../../src/convert/decode-source.ts';
import { LineIndex } from '../../src/convert/errors.ts';
import { findPageFooters } from '../../src/convert/find-page-footers.ts';
import { inlineText } from '../../src/convert/inline-text.ts';
import { locateHeadings } from '../../src/convert/locate-headings.ts';
import type { Block, Inline } from '../../src/convert/model.ts';
import { parseToc } from '../../src/convert/parse-toc.ts';
import { splitSentences } from '../../src/convert/split-sentences.ts';
import { NO_DECISIONS, structureDecisionsSchema } from '../../src/reviewed/structure-decisions.ts';

/** A stage under test: the name of its input file, and what it makes of it (text, or a value compared as JSON). */
export interface Stage {
  input: string;
  run: (input: Buffer) => string | unknown;
}

/** The table of contents and the places of its headings, as the converter reads them (text starting with 目录). */
function skeleton(input: Buffer) {
  const text = decodeSource(input);
  const lines = new LineIndex(text);
  const toc = parseToc(text, 0, lines);
  const headings = locateHeadings(text, toc.end, toc, lines);
  return { text, lines, toc, headings };
}

export const STAGES: Record<string, Stage> = {
  /** decode-source.ts: bytes → text (BOM dropped, CRLF → LF). */
  decode: { input: 'input.txt', run: (input) => decodeSource(input) },
  /** parse-toc.ts: a 目录 → its headings, pages and own footers. */
  toc: {
    input: 'input.txt',
    run: (input) => {
      const text = decodeSource(input);
      const { end, ...toc } = parseToc(text, 0, new LineIndex(text));
      return { ...toc, rest: text.slice(end) };
    },
  },
  /** locate-headings.ts: 目录 + body → where each heading stands (line and text). */
  headings: {
    input: 'input.txt',
    run: (input) => {
      const { text, lines, headings } = skeleton(input);
      return headings.map((h) => ({ kind: h.kind, path: h.path, page: h.page, line: lines.lineOf(h.start), found: text.slice(h.start, h.end) }));
    },
  },
  /** find-page-footers.ts: the body with each footer found shown as ⟦N⟧. */
  footers: {
    input: 'input.txt',
    run: (input) => {
      const { text, lines, toc, headings } = skeleton(input);
      let marked = '';
      let at = toc.end;
      for (const f of findPageFooters(text, toc.end, headings, lines)) {
        marked += text.slice(at, f.start) + `⟦${text.slice(f.start, f.end)}⟧`;
        at = f.end;
      }
      return marked + text.slice(at);
    },
  },
  /** split-sentences.ts: the text under each heading → its sentences (line and parts) and the footer it hands on. */
  sentences: {
    input: 'input.txt',
    run: (input) => {
      const { text, lines, toc, headings } = skeleton(input);
      const footers = findPageFooters(text, toc.end, headings, lines);
      return headings.map((h, i) => ({
        heading: text.slice(h.start, h.end),
        ...splitSentences(text, h.end, headings[i + 1]?.start ?? text.length, footers, lines),
      })).map(({ sentences, ...rest }) => ({ ...rest, sentences: sentences.map(({ line, parts }) => ({ line, parts })) }));
    },
  },
  /** build-blocks.ts: sentences (and decisions) → paragraphs, leads, targets, boxes and tables. */
  blocks: {
    input: 'input.json',
    run: (input) => {
      const { sentences, decisions } = JSON.parse(input.toString('utf8')) as { sentences: { line: number; parts: Inline[] }[]; decisions?: unknown };
      const stats = { leads: 0, decisionsUsed: new Set<string>() };
      const blocks = buildBlocks(
        sentences.map((s) => ({ ...s, text: inlineText(s.parts) })),
        decisions === undefined ? NO_DECISIONS : structureDecisionsSchema.parse(decisions),
        stats,
      );
      return { blocks, leads: stats.leads, decisionsUsed: [...stats.decisionsUsed].sort() };
    },
  },
  /**
   * build-mdx.ts: blocks → the MDX text of a page holding them. The footer of
   * the last page opens no page (the `tables` case).
   */
  mdx: {
    input: 'input.json',
    run: (input) => {
      const blocks = JSON.parse(input.toString('utf8')) as Block[];
      return serializeMdxPage({
        path: 'part-1/chapter-1.mdx',
        frontmatter: { title: '第一篇 第一章 测试', plan: { kind: 'chapter', part: 1, chapter: 1 } },
        tree: { type: 'root', children: blocksToMdast(blocks) },
      });
    },
  },
  /** The whole converter (convert-plan.ts), no corrections or decisions: text → document model. */
  convert: {
    input: 'input.txt',
    run: (input) => convertPlan(decodeSource(input), { corrections: [], decisions: NO_DECISIONS }).plan,
  },
};
