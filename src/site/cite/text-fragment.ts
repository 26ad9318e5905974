/**
 * Text fragments (`#:~:text=…`): links that open a page scrolled to a passage
 * and highlighting it, in the browsers that support them (Chromium-based
 * ones, Safari, recent Firefox).
 *
 * A browser takes the first place in the page where the directive matches,
 * and it only accepts a match whose outer edges fall on word boundaries
 * (by ICU's segmentation: in Chinese, dictionary words). So a directive is
 * built from whole words, and grows context words before (`prefix-,`) and
 * after (`,-suffix`) until its first match in the page is the intended
 * place. Long passages are given by their first and last words
 * (`text=start,end`).
 *
 * The page is given as its blocks of text in document order (paragraphs,
 * headings, list items): a match never runs from one block into the next.
 * Pure; word boundaries come from `Intl.Segmenter`, which Node and browsers
 * both have.
 */

/** The parts of a text directive; `end`, `prefix` and `suffix` may be empty. */
export interface TextDirective {
  prefix: string;
  start: string;
  end: string;
  suffix: string;
}

/** A passage of a page: from `start` in block `startBlock` to `end` (exclusive) in block `endBlock`. */
export interface TextSpot {
  startBlock: number;
  start: number;
  endBlock: number;
  end: number;
}

/** Options of `chooseTextDirective`. */
export interface DirectiveOptions {
  /** Passages up to this many characters, in one block, are quoted whole; longer ones by start and end. */
  maxExact?: number;
  /** At least this many characters of a long passage's start and of its end are quoted. */
  edgeChars?: number;
  /** At most this many words of context on each side. */
  maxContextWords?: number;
  /**
   * The word boundaries of a block (`wordBoundaries` by default): a caller
   * choosing many directives over the same blocks passes a memo of it, since
   * segmenting a block is most of the work (the term index, at build time).
   */
  boundariesOf?: (text: string) => readonly number[];
}

/** Percent-encodes a piece of a text directive; `-`, `,` and `&` have meaning in the directive. */
export function encodeDirectivePiece(piece: string): string {
  return encodeURIComponent(piece).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** The directive as it follows `:~:` in a URL: `text=[prefix-,]start[,end][,-suffix]`. */
export function formatTextDirective(d: TextDirective): string {
  return (
    'text=' +
    (d.prefix ? `${encodeDirectivePiece(d.prefix)}-,` : '') +
    encodeDirectivePiece(d.start) +
    (d.end ? `,${encodeDirectivePiece(d.end)}` : '') +
    (d.suffix ? `,-${encodeDirectivePiece(d.suffix)}` : '')
  );
}

let segmenter: Intl.Segmenter | null = null;

/** Offsets in `text` where a word begins or ends (0 and `text.length` included), ascending. */
export function wordBoundaries(text: string): number[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: number[] = [];
  for (const s of segmenter.segment(text)) out.push(s.index);
  out.push(text.length);
  return out;
}

/**
 * Where the browser's search for `d` first matches in `blocks` (the passage
 * it highlights), or null. The search is the spec's on pre-split text, but
 * it accepts a match at any character: a browser accepts only matches whose
 * outer edges fall on word boundaries, so it can match later than this, never
 * earlier. A directive whose first match here is the passage meant is
 * therefore the browser's first match too (the passage itself is cut at word
 * boundaries).
 */
export function firstMatch(blocks: readonly string[], d: TextDirective): TextSpot | null {
  const head = d.prefix + d.start + (d.end ? '' : d.suffix);
  for (let b = 0; b < blocks.length; b++) {
    const at = blocks[b]!.indexOf(head);
    if (at < 0 || head === '') continue;
    const start = at + d.prefix.length;
    const startEnd = start + d.start.length;
    if (!d.end) return { startBlock: b, start, endBlock: b, end: startEnd };
    // A range ends at the first end (with its suffix) after its start, in this block or a later one.
    const tail = d.end + d.suffix;
    for (let e = b; e < blocks.length; e++) {
      const endAt = blocks[e]!.indexOf(tail, e === b ? startEnd : 0);
      if (endAt >= 0) return { startBlock: b, start, endBlock: e, end: endAt + d.end.length };
    }
    return null;
  }
  return null;
}

const sameSpot = (a: TextSpot | null, b: TextSpot) =>
  a !== null && a.startBlock === b.startBlock && a.start === b.start && a.endBlock === b.endBlock && a.end === b.end;

/**
 * The shortest directive (whole words, context added a word at a time,
 * before and after in turn) whose first match in `blocks` is `spot`
 * widened to whole words; null when no context within reach singles it out.
 */
export function chooseTextDirective(blocks: readonly string[], spot: TextSpot, options: DirectiveOptions = {}): TextDirective | null {
  const { maxExact = 80, edgeChars = 12, maxContextWords = 12, boundariesOf = wordBoundaries } = options;
  const startList = boundariesOf(blocks[spot.startBlock]!);
  const endList = spot.endBlock === spot.startBlock ? startList : boundariesOf(blocks[spot.endBlock]!);
  // Widen the passage to whole words: a browser accepts no match that starts or ends inside one.
  const start = startList.filter((x) => x <= spot.start).at(-1) ?? 0;
  const end = endList.find((x) => x >= spot.end) ?? blocks[spot.endBlock]!.length;
  const target: TextSpot = { startBlock: spot.startBlock, start, endBlock: spot.endBlock, end };
  const startText = blocks[spot.startBlock]!;
  const endText = blocks[spot.endBlock]!;
  let d: TextDirective;
  if (spot.startBlock === spot.endBlock && end - start <= maxExact) {
    d = { prefix: '', start: startText.slice(start, end), end: '', suffix: '' };
  } else {
    const startCut = startList.find((x) => x >= start + edgeChars && (spot.startBlock !== spot.endBlock || x < end)) ?? startText.length;
    const lowest = spot.startBlock === spot.endBlock ? startCut : 0;
    const endCut = endList.filter((x) => x <= end - edgeChars && x >= lowest).at(-1) ?? lowest;
    if (spot.startBlock === spot.endBlock && endCut <= startCut) {
      d = { prefix: '', start: startText.slice(start, end), end: '', suffix: '' };
    } else {
      d = { prefix: '', start: startText.slice(start, startCut), end: endText.slice(endCut, end), suffix: '' };
    }
  }
  if (d.start === '') return null;
  const before = startList.filter((x) => x < start).reverse();
  const after = endList.filter((x) => x > end);
  // Context grows a word at a time, before and after in turn: (0,0), (1,0), (1,1), (2,1), …
  const steps: [number, number][] = [[0, 0]];
  for (let w = 1; w <= maxContextWords; w++) steps.push([w, w - 1], [w, w]);
  for (const [prefixWords, suffixWords] of steps) {
    const p = prefixWords === 0 ? start : (before[Math.min(prefixWords, before.length) - 1] ?? start);
    const s = suffixWords === 0 ? end : (after[Math.min(suffixWords, after.length) - 1] ?? end);
    const candidate = { ...d, prefix: startText.slice(p, start), suffix: endText.slice(end, s) };
    if (sameSpot(firstMatch(blocks, candidate), target)) return candidate;
  }
  return null;
}

/**
 * For browsers without text fragments: the id a hash like
 * `#section-3:~:text=…` names before its directive (`section-3`), or null
 * when the hash has no directive or no id before it.
 */
export function fragmentFallbackId(hash: string): string | null {
  const at = hash.indexOf(':~:');
  if (at < 0) return null;
  const id = hash.slice(hash.startsWith('#') ? 1 : 0, at);
  if (id === '') return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
