import { SourceError, type LineIndex } from './errors.ts';
import { NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals.ts';

/** A heading as the table of contents gives it. */
export interface TocHeading {
  /** 1-based number within its parent (篇 within the plan, 章 within its 篇, …). */
  n: number;
  /** Numbering as printed: `第五篇`, `第二章`, `一、`, `附表`. */
  label: string;
  /** Title as printed in the table of contents. */
  title: string;
  /** Printed page the table of contents gives. */
  page: number;
}
/** A 章 with its numbered sections. */
export interface TocChapter extends TocHeading {
  sections: TocHeading[];
}
/** A 篇 with its chapters. */
export interface TocPart extends TocHeading {
  chapters: TocChapter[];
}
/** The skeleton of the plan as the table of contents gives it. */
export interface Toc {
  parts: TocPart[];
  appendix: TocHeading;
  /** Offset just past the table of contents (where the body text begins). */
  end: number;
  /** The TOC's own page footers (1, 2, …), in order. */
  footers: number[];
}

const ENTRY = new RegExp(
  `(第([${NUMERAL_CHARS}]+)篇|第([${NUMERAL_CHARS}]+)章|([${NUMERAL_CHARS}]+)、|附表)([^.\\n]+?)\\.{2,}(\\d+)`,
  'uy',
);

interface RawEntry {
  kind: 'part' | 'chapter' | 'section' | 'appendix';
  n: number;
  label: string;
  title: string;
  digits: string;
  offset: number;
}

/**
 * Parses the 目录 starting at `start` (the offset of `目录`). Each entry is a
 * numbering, a title, a dotted leader and a page number; at the end of each
 * TOC page its footer (1, 2, …) is glued to the last page number (`211` is
 * page 21 then footer 1), which `splitTocDigits` takes apart.
 */
export function parseToc(text: string, start: number, lines: LineIndex): Toc {
  if (!text.startsWith('目录', start)) {
    throw new SourceError(lines.lineOf(start), 'expected the table of contents to begin with 目录');
  }
  const entries: RawEntry[] = [];
  let pos = start + 2;
  for (;;) {
    ENTRY.lastIndex = pos;
    const m = ENTRY.exec(text);
    if (!m) {
      throw new SourceError(
        lines.lineOf(pos),
        `table of contents: expected an entry (第…篇, 第…章, 一、… or 附表, then a title, a dotted leader and a page number) at “${text.slice(pos, pos + 30)}”`,
      );
    }
    const [whole, label, partN, chapterN, sectionN, title, digits] = m as unknown as string[];
    const kind = partN ? 'part' : chapterN ? 'chapter' : sectionN ? 'section' : 'appendix';
    const n = kind === 'appendix' ? 1 : parseChineseNumeral((partN ?? chapterN ?? sectionN)!);
    if (n === null) throw new SourceError(lines.lineOf(pos), `table of contents: “${label}” is not a numeral the plan uses`);
    entries.push({ kind, n, label: label!, title: title!, digits: digits!, offset: pos });
    pos += whole!.length;
    if (kind === 'appendix') break;
  }
  const split = splitTocDigits(entries.map((e) => e.digits));
  if (!split) {
    throw new SourceError(
      lines.lineOf(start),
      'table of contents: cannot tell its page numbers from its page footers (expected non-decreasing page numbers and footers 1, 2, … in order, the last one after the last entry)',
    );
  }
  return { ...buildTree(entries, split.pages, lines), end: pos, footers: split.footers };
}

/**
 * Splits each TOC entry's digit run into its page number and, where a TOC
 * page ended there, that page's footer. Footers run 1, 2, … in order and the
 * last entry carries the last one; page numbers never decrease. Returns null
 * when no split satisfies that.
 */
export function splitTocDigits(runs: string[]): { pages: number[]; footers: number[] } | null {
  const failed = new Set<string>();
  const pages: number[] = [];
  const footers: number[] = [];
  const solve = (i: number, nextFooter: number, lastPage: number): boolean => {
    if (i === runs.length) return true;
    const key = `${i}:${nextFooter}:${lastPage}`;
    if (failed.has(key)) return false;
    const run = runs[i]!;
    const last = i === runs.length - 1;
    const options: Array<[number, boolean]> = [];
    const f = String(nextFooter);
    if (run.length > f.length && run.endsWith(f)) options.push([Number(run.slice(0, -f.length)), true]);
    if (!last) options.push([Number(run), false]);
    for (const [page, hasFooter] of options) {
      if (page < lastPage || page < 1) continue;
      pages.push(page);
      if (hasFooter) footers.push(nextFooter);
      if (solve(i + 1, hasFooter ? nextFooter + 1 : nextFooter, page)) return true;
      pages.pop();
      if (hasFooter) footers.pop();
    }
    failed.add(key);
    return false;
  };
  return solve(0, 1, 0) ? { pages, footers } : null;
}

function buildTree(entries: RawEntry[], pages: number[], lines: LineIndex): Omit<Toc, 'end' | 'footers'> {
  const parts: TocPart[] = [];
  let appendix: TocHeading | null = null;
  const fail = (e: RawEntry, expected: string): never => {
    throw new SourceError(lines.lineOf(e.offset), `table of contents: found “${e.label}${e.title}”, expected ${expected}`);
  };
  entries.forEach((e, i) => {
    const heading: TocHeading = { n: e.n, label: e.label, title: e.title, page: pages[i]! };
    const part = parts.at(-1);
    const chapter = part?.chapters.at(-1);
    if (e.kind === 'part') {
      if (e.n !== parts.length + 1) fail(e, `第${parts.length + 1}篇 (parts in order)`);
      parts.push({ ...heading, chapters: [] });
    } else if (e.kind === 'chapter') {
      if (!part) return fail(e, 'a 篇 before the first 章');
      if (e.n !== part.chapters.length + 1) fail(e, `chapter ${part.chapters.length + 1} of ${part.label} (chapters in order)`);
      part.chapters.push({ ...heading, sections: [] });
    } else if (e.kind === 'section') {
      if (!chapter) return fail(e, 'a 章 before the first numbered section');
      if (e.n !== chapter.sections.length + 1) fail(e, `section ${chapter.sections.length + 1} of ${part!.label}${chapter.label} (sections in order)`);
      chapter.sections.push(heading);
    } else {
      appendix = heading;
    }
  });
  if (parts.length === 0) throw new SourceError(lines.lineOf(entries[0]!.offset), 'table of contents: no 篇 found');
  return { parts, appendix: appendix! };
}
