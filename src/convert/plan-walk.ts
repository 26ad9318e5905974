/**
 * The one walk over the document model: every heading and block of the plan
 * in reading order, each with the headings it stands under (like
 * unist-util-visit, for model.ts's tree). Code that needs "every box", "every
 * heading" or "the page as we read" filters this walk instead of nesting its
 * own loops over parts, chapters and sections.
 *
 * Pure: takes the model, returns data.
 */
import type { Appendix, Block, Box, Chapter, Inline, Part, Plan, Section, Table } from './model.ts';

/** What holds a block: the 序言, a 篇's or 章's introduction, a section, or the 附表. */
export type BlockContainer = 'preface' | 'part' | 'chapter' | 'section' | 'appendix';

/** One step of the walk: a heading as it opens, or a block, with its ancestors. */
export type PlanStep =
  | { type: 'part'; node: Part; /** 0-based position among the 篇 */ index: number }
  | { type: 'chapter'; node: Chapter; part: Part }
  | { type: 'section'; node: Section; part: Part; chapter: Chapter }
  | { type: 'appendix'; node: Appendix }
  | { type: 'block'; node: Block; in: BlockContainer; part: Part | null; chapter: Chapter | null; section: Section | null };

/** A heading step (篇, 章, section or 附表). */
export type HeadingStep = Exclude<PlanStep, { type: 'block' }>;

/** Every heading and block of the plan in reading order: the 序言's blocks, each 篇 down to its sections' blocks, the 附表. */
export function* walkPlan(plan: Plan): Generator<PlanStep> {
  const blocks = function* (list: readonly Block[], at: BlockContainer, part: Part | null, chapter: Chapter | null, section: Section | null) {
    for (const node of list) yield { type: 'block' as const, node, in: at, part, chapter, section };
  };
  yield* blocks(plan.preface.blocks, 'preface', null, null, null);
  for (const [index, part] of plan.parts.entries()) {
    yield { type: 'part', node: part, index };
    yield* blocks(part.intro, 'part', part, null, null);
    for (const chapter of part.chapters) {
      yield { type: 'chapter', node: chapter, part };
      yield* blocks(chapter.intro, 'chapter', part, chapter, null);
      for (const section of chapter.sections) {
        yield { type: 'section', node: section, part, chapter };
        yield* blocks(section.blocks, 'section', part, chapter, section);
      }
    }
  }
  yield { type: 'appendix', node: plan.appendix };
  yield* blocks(plan.appendix.blocks, 'appendix', null, null, null);
}

/** The 篇, 章 and section a step stands in, a heading counting as in itself (null above them; all null for the 序言 and the 附表). */
export function stepPlace(step: PlanStep): { part: Part | null; chapter: Chapter | null; section: Section | null } {
  switch (step.type) {
    case 'part':
      return { part: step.node, chapter: null, section: null };
    case 'chapter':
      return { part: step.part, chapter: step.node, section: null };
    case 'section':
      return { part: step.part, chapter: step.chapter, section: step.node };
    case 'appendix':
      return { part: null, chapter: null, section: null };
    case 'block':
      return { part: step.part, chapter: step.chapter, section: step.section };
  }
}

/** A 专栏 box. */
export const isBox = (block: Block): block is Box => block.kind === 'box';

/** The main indicators table. */
export const isIndicatorsTable = (block: Block): block is Table => block.kind === 'table' && block.table === 'indicators';

/** The block steps of the walk (optionally only those whose block passes `test`). */
export function* planBlocks<B extends Block = Block>(
  plan: Plan,
  test: (block: Block) => block is B = (block: Block): block is B => true,
): Generator<Extract<PlanStep, { type: 'block' }> & { node: B }> {
  for (const step of walkPlan(plan)) if (step.type === 'block' && test(step.node)) yield step as Extract<PlanStep, { type: 'block' }> & { node: B };
}

/** The heading steps of the walk: every 篇, 章, section and the 附表, in reading order. */
export function* planHeadings(plan: Plan): Generator<HeadingStep> {
  for (const step of walkPlan(plan)) if (step.type !== 'block') yield step;
}

/** The footer that stood right before a step's heading or box (it opens the next page), or null. */
export function footerBeforeStep(step: PlanStep): number | null {
  if (step.type !== 'block') return step.node.footerBefore;
  return step.node.kind === 'box' ? step.node.footerBefore : null;
}

/**
 * The lines of running text of a block, in reading order: a paragraph's or
 * target's lead and body as one line; a box's introduction (possibly empty)
 * and then each item's lead and body (its heading `label + title` is not
 * running text); a table's raw text.
 */
export function blockLines(block: Block): Inline[][] {
  switch (block.kind) {
    case 'paragraph':
    case 'target':
      return [[...(block.lead ?? []), ...block.body]];
    case 'box':
      return [block.intro, ...block.items.map((item) => [...item.lead, ...item.body])];
    case 'table':
      return [block.raw];
  }
}

/** The page breaks inside a block's running text, in reading order (a box's `footerBefore` is not inside). */
export function blockFooters(block: Block): number[] {
  return blockLines(block).flatMap((line) => line.flatMap((p) => (typeof p === 'string' ? [] : [p.footer])));
}
