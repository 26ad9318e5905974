/**
 * The plan at a glance, as numbers for the home page's picture: each 篇 a
 * row, each 章 a block as long as its text, the span of each 专栏 inside its
 * chapter, and a tick where the text discusses a project of the 附表
 * (package-links.ts: an item falls at each section or introduction that names
 * it). Positions are character offsets in the plan's text (page breaks carry
 * none), so the drawing is the text's own proportions. Pure.
 */
import type { Block, Plan } from '../../convert/model';
import { blocksText, chapterText } from '../../convert/plan-text';
import type { LinkedPackage } from '../../reviewed/package-links';
import { chapterPath, partPath, sectionId } from '../site-paths';
import { navLabel } from './plan-nav';

/** A 专栏 inside a chapter block: where its text starts and how long it is. */
export interface GlanceBox {
  n: number;
  label: string;
  title: string;
  start: number;
  length: number;
}

/** A project of the 附表 discussed in a chapter: where the discussing place starts and ends. */
export interface GlanceItem {
  package: number;
  item: string;
  start: number;
  length: number;
}

/** A chapter block: its offset in its 篇's row, its length, what falls in it. */
export interface GlanceChapter {
  label: string;
  title: string;
  path: string;
  start: number;
  length: number;
  boxes: GlanceBox[];
  items: GlanceItem[];
}

/** A 篇 row. */
export interface GlancePart {
  label: string;
  title: string;
  path: string;
  /** The characters of the 篇 before its first chapter (heading and introduction). */
  lead: number;
  length: number;
  chapters: GlanceChapter[];
}

/** The whole picture and its totals (for the caption). */
export interface PlanGlance {
  parts: GlancePart[];
  longestPart: number;
  chapters: number;
  boxes: number;
  /** Projects of the 附表, those the text discusses, and the places where it does. */
  items: { total: number; discussed: number; places: number };
}

/** Offsets of a chapter's pieces: the box spans, and where each section (or the introduction) starts. */
function chapterPieces(blocksBefore: number, blocks: readonly Block[], boxes: GlanceBox[]): number {
  let at = blocksBefore;
  for (const block of blocks) {
    const length = blocksText([block]).length;
    if (block.kind === 'box') boxes.push({ n: block.n, label: block.label, title: block.title, start: at, length });
    at += length;
  }
  return at;
}

export function planGlance(plan: Plan, packages: readonly LinkedPackage[]): PlanGlance {
  const discussed = packages.flatMap((p) =>
    p.items.flatMap((item) => item.places.map((place) => ({ package: p.no, item: item.text, href: place.href }))),
  );
  const parts = plan.parts.map((part): GlancePart => {
    const lead = (part.label + part.title + blocksText(part.intro)).length;
    let offset = lead;
    const chapters = part.chapters.map((chapter): GlanceChapter => {
      const path = chapterPath(part.n, chapter.n);
      const boxes: GlanceBox[] = [];
      // Where each place of the chapter starts and ends: the introduction (the chapter page itself), then each section.
      const places = new Map<string, { start: number; length: number }>();
      const headingLength = (chapter.label + chapter.title).length;
      const introEnd = chapterPieces(headingLength, chapter.intro, boxes);
      places.set(path, { start: 0, length: introEnd });
      let at = introEnd;
      for (const section of chapter.sections) {
        const end = chapterPieces(at + (section.label + section.title).length, section.blocks, boxes);
        places.set(`${path}#${sectionId(section.n)}`, { start: at, length: end - at });
        at = end;
      }
      const length = chapterText(chapter).length;
      if (at !== length) throw new Error(`plan-glance: ${navLabel(part)} ${navLabel(chapter)} measures ${at} characters, its text ${length}`);
      const items = discussed.flatMap((d) => {
        const place = places.get(d.href);
        return place ? [{ package: d.package, item: d.item, ...place }] : [];
      });
      const block = { label: chapter.label, title: chapter.title, path, start: offset, length, boxes, items };
      offset += length;
      return block;
    });
    return { label: part.label, title: part.title, path: partPath(part.n), lead, length: offset, chapters };
  });
  const placed = parts.flatMap((p) => p.chapters.flatMap((c) => c.items));
  return {
    parts,
    longestPart: Math.max(...parts.map((p) => p.length)),
    chapters: parts.reduce((sum, p) => sum + p.chapters.length, 0),
    boxes: parts.reduce((sum, p) => sum + p.chapters.reduce((s, c) => s + c.boxes.length, 0), 0),
    items: {
      total: packages.reduce((sum, p) => sum + p.items.length, 0),
      discussed: new Set(placed.map((i) => `${i.package}|${i.item}`)).size,
      places: placed.length,
    },
  };
}
