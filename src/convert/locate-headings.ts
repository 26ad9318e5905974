import { SourceError, type LineIndex } from './errors.ts';
import type { Toc } from './parse-toc.ts';

/** Where one heading of the table of contents stands in the body text. */
export interface HeadingPlace {
  kind: 'part' | 'chapter' | 'section' | 'appendix';
  /** Path of numbers: [part], [part, chapter], [part, chapter, section], or [] for the appendix. */
  path: number[];
  /** Printed heading text: label + title. */
  text: string;
  /** Printed page the table of contents gives. */
  page: number;
  /** Offset of the heading's first character in the text. */
  start: number;
  /** Offset just past the heading. */
  end: number;
}

/**
 * Finds every heading of the table of contents in the body, in order, by its
 * exact printed text (label + title). In the extraction a heading starts a
 * line, or follows a page footer or the heading before it, and is glued to the
 * sentence after it; a heading found anywhere else, or not found after the one
 * before it, is an error rather than a guess.
 */
export function locateHeadings(text: string, bodyStart: number, toc: Toc, lines: LineIndex): HeadingPlace[] {
  const wanted: Omit<HeadingPlace, 'start' | 'end'>[] = [];
  for (const part of toc.parts) {
    wanted.push({ kind: 'part', path: [part.n], text: part.label + part.title, page: part.page });
    for (const chapter of part.chapters) {
      wanted.push({ kind: 'chapter', path: [part.n, chapter.n], text: chapter.label + chapter.title, page: chapter.page });
      for (const s of chapter.sections) {
        wanted.push({ kind: 'section', path: [part.n, chapter.n, s.n], text: s.label + s.title, page: s.page });
      }
    }
  }
  wanted.push({ kind: 'appendix', path: [], text: toc.appendix.label + toc.appendix.title, page: toc.appendix.page });

  const places: HeadingPlace[] = [];
  let cursor = bodyStart;
  for (const w of wanted) {
    const start = text.indexOf(w.text, cursor);
    if (start < 0) {
      const later = text.indexOf(w.text, bodyStart);
      const reason =
        later >= 0
          ? `heading “${w.text}” is out of order: expected after line ${lines.lineOf(cursor)}, found earlier`
          : `heading “${w.text}” from the table of contents is missing from the text (expected after this line)`;
      throw new SourceError(lines.lineOf(later >= 0 ? later : cursor), reason);
    }
    const before = text[start - 1];
    const previous = places.at(-1);
    const boundary = start === bodyStart || before === '\n' || /\d/.test(before ?? '') || previous?.end === start;
    if (!boundary) {
      throw new SourceError(
        lines.lineOf(start),
        `heading “${w.text}” is not at the start of a line (expected it after a line break, a page number or the heading before it)`,
      );
    }
    places.push({ ...w, start, end: start + w.text.length });
    cursor = start + w.text.length;
  }
  return places;
}
