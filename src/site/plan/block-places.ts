/**
 * Where the boxes and tables of the plan stand: their 篇, 章 and section, the
 * URL of that place, and the printed pages they are on. Pure.
 */
import type { Block, Box, Chapter, Inline, Part, Plan, Section, Table } from '../../convert/model';
import { FIRST_PAGE, pageAfterFooter } from './page-locations';
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

const footersOf = (inlines: readonly Inline[] | null): number[] =>
  (inlines ?? []).flatMap((p) => (typeof p === 'string' ? [] : [p.footer]));

function blockFooters(block: Block): number[] {
  switch (block.kind) {
    case 'paragraph':
    case 'target':
      return [...footersOf(block.lead), ...footersOf(block.body)];
    case 'box':
      return [...footersOf(block.intro), ...block.items.flatMap((i) => [...footersOf(i.lead), ...footersOf(i.body)])];
    case 'table':
      return footersOf(block.raw);
  }
}

/** Every block of the chapters (篇 introductions aside), in reading order, with its place and pages. */
export function chapterBlockPlaces(plan: Plan): BlockPlace<Block>[] {
  const out: BlockPlace<Block>[] = [];
  let page = FIRST_PAGE;
  const turn = (footer: number | null) => {
    if (footer !== null) page = pageAfterFooter(footer) ?? page;
  };
  for (const part of plan.parts) {
    turn(part.footerBefore);
    part.intro.forEach((b) => blockFooters(b).forEach(turn));
    for (const chapter of part.chapters) {
      turn(chapter.footerBefore);
      const take = (blocks: readonly Block[], section: Section | null) => {
        for (const block of blocks) {
          if (block.kind === 'box') turn(block.footerBefore);
          const firstPage = page;
          blockFooters(block).forEach(turn);
          const at = chapterPath(part.n, chapter.n);
          const href = block.kind === 'box' ? `${at}#${boxId(block.n)}` : section ? `${at}#${sectionId(section.n)}` : at;
          out.push({ block, part, chapter, section, href, firstPage, lastPage: page });
        }
      };
      take(chapter.intro, null);
      for (const section of chapter.sections) {
        turn(section.footerBefore);
        take(section.blocks, section);
      }
    }
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
