import type { Inline } from './model.ts';
import type { PageFooter } from './find-page-footers.ts';
import { SourceError, type LineIndex } from './errors.ts';
import { inlineText, pushInlines } from './inline-text.ts';

/** One line of the extraction (one sentence, as a rule) with its page breaks. */
export interface Sentence {
  /** 1-based source line of its first character. */
  line: number;
  parts: Inline[];
  /** Its plan characters, page breaks left out. */
  text: string;
}

/**
 * Cuts the text between `start` and `end` into sentences (the extraction's
 * lines), replacing each page footer inside by a page break. A break that
 * ends a line moves to the start of the next one, since the page begins
 * there; a break with no text after it in the span is returned as
 * `trailingFooter`, for the heading that follows.
 */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  footers: readonly PageFooter[],
  lines: LineIndex,
): { sentences: Sentence[]; trailingFooter: number | null } {
  const sentences: Sentence[] = [];
  let parts: Inline[] = [];
  let firstChar = -1;
  const finish = () => {
    const textOnly = inlineText(parts);
    if (textOnly === '') return;
    // Breaks that end the line belong to the start of the next line.
    const carried: Inline[] = [];
    while (typeof parts.at(-1) === 'object') carried.unshift(parts.pop()!);
    sentences.push({ line: lines.lineOf(firstChar), parts, text: textOnly });
    parts = carried;
    firstChar = -1;
  };
  const addText = (from: number, to: number) => {
    let a = from;
    for (let nl = text.indexOf('\n', a); a < to; nl = text.indexOf('\n', a)) {
      const b = nl < 0 || nl >= to ? to : nl;
      if (b > a) {
        if (firstChar < 0) firstChar = a;
        pushInlines(parts, text.slice(a, b));
      }
      if (b < to) finish();
      a = b + 1;
    }
  };
  let cursor = start;
  for (const f of footers) {
    if (f.end <= start || f.start >= end) continue;
    if (f.start < start || f.end > end) {
      throw new SourceError(lines.lineOf(f.start), `page number ${f.page} straddles a heading`);
    }
    addText(cursor, f.start);
    parts.push({ footer: f.page });
    cursor = f.end;
  }
  addText(cursor, end);
  finish();
  const rest = parts.filter((p) => typeof p === 'object');
  if (rest.length > 1) throw new SourceError(lines.lineOf(end), 'two page numbers with no text between them');
  const trailing = rest[0];
  return { sentences, trailingFooter: trailing && typeof trailing === 'object' ? trailing.footer : null };
}
