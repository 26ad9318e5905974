/**
 * Where the boxes and tables of the plan stand: their 篇, 章 and section, the
 * URL of that place, and the printed pages they are on. Pure.
 */
import type { Block, Box, Chapter, Part, Plan, Section, Table } from '../../convert/model';
import { blockFooters, footerBeforeStep, walkPlan } from '../../convert/plan-walk';
import { pageReader } from '../../convert/printed-pages';
import { boxId, chapterPath, sectionId } from '../site-paths';

/** A block of a chapter, with its place and the printed pages it spans. */
export interface BlockPlace<B extends Block> {
  block: B;
  part: Part;
  chapter: Chapter;
  /** Null when the block is in the chapter's introduction. */
  section: Section | null;
  /** Its URL (without base): the box itself for a box, else its section. */
  href: string;
  /** The printed page it begins on, and the one it ends on. */
  firstPage: number;
  lastPage: number;
}

/** Every block of the chapters (篇 introductions aside), in reading order, with its place and pages. */
export function chapterBlockPlaces(plan: Plan): BlockPlace<Block>[] {
  const out: BlockPlace<Block>[] = [];
  const pages = pageReader(plan);
  for (const step of walkPlan(plan)) {
    if (step.type === 'block' && step.in === 'preface') continue; // the 序言 lies before page 1
    pages.turn(footerBeforeStep(step));
    if (step.type !== 'block') continue;
    const { node: block, part, chapter, section } = step;
    const firstPage = pages.page;
    blockFooters(block).forEach(pages.turn);
    if (!part || !chapter) continue;
    const at = chapterPath(part.n, chapter.n);
    const href = block.kind === 'box' ? `${at}#${boxId(block.n)}` : section ? `${at}#${sectionId(section.n)}` : at;
    out.push({ block, part, chapter, section, href, firstPage, lastPage: pages.page });
  }
  return out;
}

/** The 专栏 boxes with their places, in order. */
export function boxPlaces(plan: Plan): BlockPlace<Box>[] {
  return chapterBlockPlaces(plan).filter((p): p is BlockPlace<Box> => p.block.kind === 'box');
}

/** Where the indicators table stands (第一篇第三章 二、 in the plan). */
export function indicatorsPlace(plan: Plan): BlockPlace<Table> {
  const found = chapterBlockPlaces(plan).find(
    (p): p is BlockPlace<Table> => p.block.kind === 'table' && p.block.table === 'indicators',
  );
  if (!found) throw new Error('plan.json has no indicators table in a chapter');
  return found;
}
