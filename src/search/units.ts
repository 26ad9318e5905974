/**
 * Search units: how the site's text is cut into the words Pagefind indexes,
 * and how a query is cut the same way.
 *
 * Pagefind segments Chinese with a dictionary (ICU4X at index time, the
 * browser's Intl.Segmenter at query time) and matches a query word only as
 * the prefix of an indexed word. The two segmenters do not always agree, and
 * a term that starts inside an indexed word (水资源 in 污水|资源化) cannot be
 * found at all. So the indexer is given the text already cut into units —
 * one unit per Han character, one per run of other letters and digits — and
 * a query becomes an exact phrase of the same units: a page matches when its
 * text holds the units in a row, whatever a dictionary would have said.
 *
 * Punctuation and symbols stay glued to the unit before them, so they cost no
 * word position: `5G+8K` is the units `5G+`, `8K`, found by the query 5G+8K.
 * Pagefind strips them from the indexed word (its `[^\w]`), as `unitKey` does.
 */

/** A Han character (incl. 〇): a unit of its own. */
const HAN = /\p{Script=Han}/u;
/** Rust's Unicode `\w`, which Pagefind keeps in indexed words. */
const WORD_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;
const NOT_WORD_CHARS = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/gu;

/** One character of text as written (`raw`, maybe a character reference) and as read (`ch`). */
export interface TextPiece {
  raw: string;
  ch: string;
}

/**
 * `text` cut into units, every character kept: concatenating the units gives
 * `text` back. Characters before the first unit start it.
 */
export function searchUnits(text: string): string[] {
  return cutUnits(Array.from(text, (ch) => ({ raw: ch, ch })));
}

/** `searchUnits` over pieces; units are made of the pieces' raw text. */
export function cutUnits(pieces: readonly TextPiece[]): string[] {
  const units: string[] = [];
  let current = '';
  let currentHasWord = false;
  // Whether `current` ends in a run of non-Han word characters that may go on.
  let openRun = false;
  const flush = () => {
    units.push(current);
    current = '';
    currentHasWord = false;
  };
  for (const { raw, ch } of pieces) {
    if (HAN.test(ch)) {
      if (currentHasWord) flush();
      current += raw;
      currentHasWord = true;
      openRun = false;
    } else if (WORD_CHAR.test(ch)) {
      if (!openRun && currentHasWord) flush();
      current += raw;
      currentHasWord = true;
      openRun = true;
    } else {
      current += raw;
      openRun = false;
    }
  }
  if (current !== '') units.push(current);
  return units;
}

/** Whether `ch` (one character) is kept in indexed words (Rust's `\w`). */
export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

/** Whether `ch` (one character) starts or continues a run of non-Han word characters. */
export function isRunChar(ch: string): boolean {
  return WORD_CHAR.test(ch) && !HAN.test(ch);
}

/** The indexed form of a unit: its word characters, lower-cased ('' for pure punctuation). */
export function unitKey(unit: string): string {
  return unit.replace(NOT_WORD_CHARS, '').toLowerCase();
}

/** The keys of a query term (`“两区”` → `两`, `区`; `PM2.5` → `pm2`, `5`). */
export function termKeys(term: string): string[] {
  return searchUnits(term)
    .map(unitKey)
    .filter((key) => key !== '');
}

/**
 * The terms of a query: split at whitespace, each with its keys; terms
 * without any letter or digit are dropped.
 */
export function queryTerms(query: string): { term: string; keys: string[] }[] {
  return query
    .split(/\s+/u)
    .map((term) => ({ term, keys: termKeys(term) }))
    .filter(({ keys }) => keys.length > 0);
}

/** A unit of a text, by its key and the span of its word characters (UTF-16 offsets). */
export interface UnitSpan {
  key: string;
  start: number;
  end: number;
}

/** The units of `text` with the spans of their word characters (punctuation left out). */
export function unitSpans(text: string): UnitSpan[] {
  const spans: UnitSpan[] = [];
  let current: UnitSpan | null = null;
  let openRun = false;
  let offset = 0;
  for (const ch of text) {
    const at = offset;
    offset += ch.length;
    const han = HAN.test(ch);
    if (!han && !WORD_CHAR.test(ch)) {
      openRun = false;
      continue;
    }
    if (han || !openRun || current === null) {
      current = { key: '', start: at, end: at };
      spans.push(current);
    }
    current.key += ch.toLowerCase();
    current.end = offset;
    openRun = !han;
  }
  return spans;
}

/**
 * Where the term with keys `keys` occurs among `units` (keys in order):
 * the index of the first unit of each occurrence, non-overlapping.
 */
export function findKeyRuns(units: readonly string[], keys: readonly string[]): number[] {
  const found: number[] = [];
  if (keys.length === 0) return found;
  for (let i = 0; i + keys.length <= units.length; i++) {
    let j = 0;
    while (j < keys.length && units[i + j] === keys[j]) j++;
    if (j === keys.length) {
      found.push(i);
      i += keys.length - 1;
    }
  }
  return found;
}
