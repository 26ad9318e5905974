import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { Plan } from '../../convert/model.ts';
import { inlineText } from '../../convert/inline-text.ts';
import { blockLines, planHeadings, stepPlace, walkPlan } from '../../convert/plan-walk.ts';
import { chooseTextDirective, formatTextDirective, wordBoundaries } from '../cite/text-fragment.ts';
import { HOME_PATH, chapterPath, partPath } from '../site-paths.ts';

/** Where in the plan an occurrence of a term stands (null: not inside such a unit). */
export interface TermPlace {
  part: number | null;
  chapter: number | null;
  section: number | null;
  box: number | null;
}

/**
 * One occurrence: its place, and the context words that single it out on its
 * page for a text fragment (`prefix-,term,-suffix`; either may be empty).
 */
export interface TermOccurrence extends TermPlace {
  /** True when the term stands in a heading (of a 篇, 章, section or box): its anchor is the place itself. */
  heading: boolean;
  /** True when a text fragment leads to it: not in a heading, and some context singles it out on its page. */
  fragment: boolean;
  prefix: string;
  suffix: string;
}

/** A quoted term of the plan with every occurrence. */
export interface QuotedTerm {
  /** Stable ASCII id (`termId`): the anchor of the term on /terms/. */
  id: string;
  /** As printed, quotes included: `“两区”`, or a run of adjacent quotes `“七有”“五性”`. */
  term: string;
  /** Upper-case initial of the pinyin of its first syllable (`L` for “两区”), the Latin letter itself, or `#`. */
  initial: string;
  /** Toneless pinyin of the whole term, the sort key within its initial. */
  pinyin: string;
  count: number;
  occurrences: TermOccurrence[];
}

/** Characters that make a once-quoted phrase a full sentence rather than a name. */
const SENTENCE_PUNCTUATION = /[，。；：！？]/;

/** Why a phrase is left out (the rule of `quotedTermIndex`). */
export const OMISSION_REASON = '只出现一次且含句内标点（，。；：！？），是引述的句子而非名称';

/** A block of text as the site shows it (a heading, a paragraph, a list item, a box item), with its place. */
interface Segment extends TermPlace {
  text: string;
  heading: boolean;
}

function segmentsOf(plan: Plan): Segment[] {
  const segs: Segment[] = [];
  const add = (place: TermPlace, text: string, heading = false) => {
    if (text) segs.push({ ...place, text, heading });
  };
  for (const step of walkPlan(plan)) {
    if (step.type === 'appendix' || (step.type === 'block' && step.in === 'appendix')) continue; // the 附表's terms are the packages'
    const { part, chapter, section } = stepPlace(step);
    const place: TermPlace = { part: part?.n ?? null, chapter: chapter?.n ?? null, section: section?.n ?? null, box: null };
    if (step.type !== 'block') {
      add(place, step.node.label + step.node.title, true);
      continue;
    }
    const b = step.node;
    // Tables are column-interleaved in the model; their cells live as curated data.
    if (b.kind === 'table') continue;
    const at = b.kind === 'box' ? { ...place, box: b.n } : place;
    // The box's heading and its introduction are separate blocks on the page.
    if (b.kind === 'box') add(at, b.label + b.title, true);
    for (const line of blockLines(b)) add(at, inlineText(line));
  }
  return segs;
}

/** Every 篇, 章 and section heading and the 附表's, as navigation shows them: the title alone, and numbering + title. */
function headingTexts(plan: Plan): string[] {
  return [...planHeadings(plan)].flatMap(({ node: h }) => [h.title, h.label + h.title]);
}

/**
 * Upper-case initial used to group a term: the initial of the pinyin of the
 * whole term for Han (read in context, so `“卡脖子”` is qiǎ, Q), the letter
 * for Latin, `#` otherwise (digits).
 */
export function termInitial(term: string): string {
  const bare = term.replace(/[“”]/g, '');
  const first = bare.charAt(0);
  if (/[A-Za-z]/.test(first)) return first.toUpperCase();
  if (/\p{Script=Han}/u.test(first)) {
    const syllable = pinyin(bare, { toneType: 'none', type: 'array' })[0] ?? '';
    return /^[a-z]/i.test(syllable) ? syllable.charAt(0).toUpperCase() : '#';
  }
  return '#';
}

/**
 * The id of a term on /terms/ and in /data/terms.json: `term-` and the first
 * 12 hexadecimal digits of the SHA-256 of the term as printed (UTF-8, quotes
 * included). It depends on the term's characters only, so it stays the same
 * when other terms come or go or the order changes, and anyone can recompute
 * it (`hashlib.sha256(term.encode()).hexdigest()[:12]`).
 */
export function termId(term: string): string {
  return `term-${createHash('sha256').update(term, 'utf8').digest('hex').slice(0, 12)}`;
}

/** A quoted phrase the index leaves out, and why. */
export interface OmittedTerm {
  term: string;
  count: number;
  reason: string;
}

/** The term index: the terms, and the quoted phrases the omission rule leaves out. */
export interface QuotedTermIndex {
  terms: QuotedTerm[];
  omitted: OmittedTerm[];
}

/** Options of `quotedTermIndex`. */
export interface TermIndexOptions {
  /** Site text that precedes every page's text besides the plan's headings (the site title in the header). */
  navigation?: readonly string[];
}

/**
 * Every distinct quoted term of the plan (the text between “ and ”), with
 * its occurrences in reading order. A run of adjacent quotes (`“七有”“五性”`)
 * is a term of its own, and each quote in it also counts for its single term.
 * Left out, by rule: a term that occurs once and holds sentence punctuation
 * (，。；：！？), i.e. a quoted sentence rather than a name; those are listed
 * in `omitted`. Terms are sorted by initial, then pinyin, then the term.
 *
 * Each occurrence carries the context that singles it out on its site page
 * for a text fragment: among the blocks of that page as the site shows them,
 * after the site's navigation (`options.navigation`, and every heading of the
 * plan as the sidebar and contents list them: a browser searches those first,
 * opening collapsed sidebar groups). The curated tables are not searched.
 */
export function quotedTermIndex(plan: Plan, options: TermIndexOptions = {}): QuotedTermIndex {
  const segments = segmentsOf(plan);
  const pages = new Map<string, Segment[]>();
  for (const seg of segments) pages.set(occurrencePage(seg), [...(pages.get(occurrencePage(seg)) ?? []), seg]);
  const navigation = [...(options.navigation ?? []), ...headingTexts(plan)];
  const pageBlocks = new Map([...pages].map(([key, segs]) => [key, [...navigation, ...segs.map((seg) => seg.text)]]));
  const found = new Map<string, TermOccurrence[]>();
  // A block with several terms is segmented into words once.
  const boundaries = new Map<string, readonly number[]>();
  const boundariesOf = (text: string) => boundaries.get(text) ?? boundaries.set(text, wordBoundaries(text)).get(text)!;
  const record = (term: string, seg: Segment, at: number) => {
    const { text: _text, heading, ...place } = seg;
    const block = navigation.length + pages.get(occurrencePage(seg))!.indexOf(seg);
    const directive = heading
      ? null
      : chooseTextDirective(pageBlocks.get(occurrencePage(seg))!, { startBlock: block, start: at, endBlock: block, end: at + term.length }, { boundariesOf });
    // A term begins and ends with quotation marks, which are word boundaries: the directive quotes the term itself.
    const fragment = directive !== null && directive.start === term && directive.end === '';
    found.set(term, [
      ...(found.get(term) ?? []),
      { ...place, heading, fragment, prefix: fragment ? directive.prefix : '', suffix: fragment ? directive.suffix : '' },
    ]);
  };
  for (const seg of segments) {
    for (const m of seg.text.matchAll(/(?:“[^“”]+”)+/g)) {
      record(m[0], seg, m.index);
      const singles = [...m[0].matchAll(/“[^“”]+”/g)];
      if (singles.length > 1) for (const s of singles) record(s[0], seg, m.index + s.index);
    }
  }
  const terms: QuotedTerm[] = [];
  const omitted: OmittedTerm[] = [];
  for (const [term, occurrences] of found) {
    if (occurrences.length === 1 && SENTENCE_PUNCTUATION.test(term)) {
      omitted.push({ term, count: 1, reason: OMISSION_REASON });
      continue;
    }
    terms.push({
      id: termId(term),
      term,
      initial: termInitial(term),
      pinyin: pinyin(term.replace(/[“”]/g, ''), { toneType: 'none', nonZh: 'consecutive' }),
      count: occurrences.length,
      occurrences,
    });
  }
  terms.sort((a, b) => a.initial.localeCompare(b.initial) || a.pinyin.localeCompare(b.pinyin) || a.term.localeCompare(b.term));
  return { terms, omitted };
}

/** The terms of the index (`quotedTermIndex(plan, options).terms`). */
export function quotedTerms(plan: Plan, options: TermIndexOptions = {}): QuotedTerm[] {
  return quotedTermIndex(plan, options).terms;
}

/** The site page (without base) holding an occurrence: its 章, the 篇 page for a 篇's own text, home for the 序言. */
export function occurrencePage(o: TermPlace): string {
  if (o.part === null) return HOME_PATH;
  return o.chapter === null ? partPath(o.part) : chapterPath(o.part, o.chapter);
}

/**
 * Site path (without base) of an occurrence: its page at its `section-K` or
 * `box-N`, with a text fragment (`:~:text=prefix-,term,-suffix`) that
 * browsers supporting it scroll to and highlight (others go to the anchor).
 * An occurrence in a heading, or one no context singles out, is linked by
 * its anchor alone.
 */
export function occurrencePath(term: string, o: TermOccurrence): string {
  const page = occurrencePage(o);
  const anchor = o.box !== null ? `box-${o.box}` : o.section !== null ? `section-${o.section}` : '';
  if (!o.fragment) return anchor ? `${page}#${anchor}` : page;
  return `${page}#${anchor}:~:${formatTextDirective({ prefix: o.prefix, start: term, end: '', suffix: o.suffix })}`;
}
