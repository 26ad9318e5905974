import { pinyin } from 'pinyin-pro';
import type { Block, Inline, Plan } from './model.ts';
import { inlineText } from './inline-text.ts';

/** Where in the plan an occurrence of a term stands (null: not inside such a unit). */
export interface TermPlace {
  part: number | null;
  chapter: number | null;
  section: number | null;
  box: number | null;
}

/** One occurrence: its place and a few characters on each side, for a text fragment. */
export interface TermOccurrence extends TermPlace {
  prefix: string;
  suffix: string;
}

/** A quoted term of the plan with every occurrence. */
export interface QuotedTerm {
  /** As printed, quotes included: `“两区”`, or a run of adjacent quotes `“七有”“五性”`. */
  term: string;
  /** Upper-case pinyin initial of the first character (`L` for “两区”), the Latin letter itself, or `#`. */
  initial: string;
  /** Toneless pinyin of the whole term, the sort key within its initial. */
  pinyin: string;
  count: number;
  occurrences: TermOccurrence[];
}

/** Characters that make a once-quoted phrase a full sentence rather than a name. */
const SENTENCE_PUNCTUATION = /[，。；：！？]/;
const CONTEXT = 6;

interface Segment extends TermPlace {
  text: string;
}

function segmentsOf(plan: Plan): Segment[] {
  const segs: Segment[] = [];
  const add = (place: TermPlace, text: string) => {
    if (text) segs.push({ ...place, text });
  };
  const blocks = (place: TermPlace, list: readonly Block[]) => {
    for (const b of list) {
      const run = (parts: readonly Inline[]) => inlineText(parts);
      if (b.kind === 'paragraph') add(place, run(b.lead ?? []) + run(b.body));
      else if (b.kind === 'target') add(place, run(b.lead) + run(b.body));
      else if (b.kind === 'box') {
        const inBox = { ...place, box: b.n };
        add(inBox, b.label + b.title + run(b.intro));
        for (const item of b.items) add(inBox, run(item.lead) + run(item.body));
      }
      // Tables are column-interleaved in the model; their cells live as curated data.
    }
  };
  const none: TermPlace = { part: null, chapter: null, section: null, box: null };
  blocks(none, plan.preface.blocks);
  for (const p of plan.parts) {
    const inPart = { ...none, part: p.n };
    add(inPart, p.label + p.title);
    blocks(inPart, p.intro);
    for (const c of p.chapters) {
      const inChapter = { ...inPart, chapter: c.n };
      add(inChapter, c.label + c.title);
      blocks(inChapter, c.intro);
      for (const s of c.sections) {
        const inSection = { ...inChapter, section: s.n };
        add(inSection, s.label + s.title);
        blocks(inSection, s.blocks);
      }
    }
  }
  return segs;
}

/** Upper-case initial used to group a term: pinyin for Han, the letter for Latin, `#` otherwise. */
export function termInitial(term: string): string {
  const first = term.replace(/^“/, '').charAt(0);
  if (/[A-Za-z]/.test(first)) return first.toUpperCase();
  if (/\p{Script=Han}/u.test(first)) return pinyin(first, { pattern: 'first', toneType: 'none' }).toUpperCase();
  return '#';
}

/**
 * Every distinct quoted term of the plan (the text between “ and ”), with
 * its occurrences in reading order. A run of adjacent quotes (`“七有”“五性”`)
 * is a term of its own, and each quote in it also counts for its single term.
 * Left out, by rule: a term that occurs once and holds sentence punctuation
 * (，。；：！？), i.e. a quoted sentence rather than a name. Sorted by initial,
 * then pinyin, then the term.
 */
export function quotedTerms(plan: Plan): QuotedTerm[] {
  const found = new Map<string, TermOccurrence[]>();
  const record = (term: string, seg: Segment, at: number) => {
    const { text, ...place } = seg;
    const occ: TermOccurrence = {
      ...place,
      prefix: text.slice(Math.max(0, at - CONTEXT), at),
      suffix: text.slice(at + term.length, at + term.length + CONTEXT),
    };
    found.set(term, [...(found.get(term) ?? []), occ]);
  };
  for (const seg of segmentsOf(plan)) {
    for (const m of seg.text.matchAll(/(?:“[^“”]+”)+/g)) {
      record(m[0], seg, m.index);
      const singles = [...m[0].matchAll(/“[^“”]+”/g)];
      if (singles.length > 1) for (const s of singles) record(s[0], seg, m.index + s.index);
    }
  }
  const terms: QuotedTerm[] = [];
  for (const [term, occurrences] of found) {
    if (occurrences.length === 1 && SENTENCE_PUNCTUATION.test(term)) continue;
    terms.push({
      term,
      initial: termInitial(term),
      pinyin: pinyin(term.replace(/[“”]/g, ''), { toneType: 'none', nonZh: 'consecutive' }),
      count: occurrences.length,
      occurrences,
    });
  }
  return terms.sort(
    (a, b) => a.initial.localeCompare(b.initial) || a.pinyin.localeCompare(b.pinyin) || a.term.localeCompare(b.term),
  );
}

/** Encodes a text-fragment piece: `-`, `,` and `&` have meaning in the directive. */
const fragmentPiece = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');

/**
 * Site path (without base) of an occurrence: the chapter page at its
 * `section-K` or `box-N`, with a text fragment (`:~:text=prefix-,term,-suffix`)
 * that browsers supporting it scroll to and highlight.
 */
export function occurrencePath(term: string, o: TermOccurrence): string {
  let page = '/';
  let anchor = '';
  if (o.part !== null) page = `/part-${o.part}/`;
  if (o.chapter !== null) page += `chapter-${o.chapter}/`;
  if (o.box !== null) anchor = `box-${o.box}`;
  else if (o.section !== null) anchor = `section-${o.section}`;
  const context = (o.prefix ? `${fragmentPiece(o.prefix)}-,` : '') + fragmentPiece(term) + (o.suffix ? `,-${fragmentPiece(o.suffix)}` : '');
  return `${page}#${anchor}:~:text=${context}`;
}
