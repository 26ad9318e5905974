/**
 * Where a search hit stands on its page, read from the page's Pagefind
 * fragment: its text as indexed (units separated by spaces, see units.ts)
 * and its anchors (every element with an id, at the word where it starts;
 * containers also have an `ID--end` marker where they end, see
 * indexer-view.ts).
 *
 * A hit belongs to its deepest place: of the innermost container that holds
 * it (a 专栏 box, a table row, a project item) and the last section heading
 * before it, the one that starts later; else the top of the page.
 *
 * A hit also has a kind (the search type filter's value: inside a 专栏 box,
 * inside the indicators table, or the text around them) and a printed page:
 * the last page marker before it (`page-P` anchors), else the page the web
 * page's text begins on, or its place's pages, from the page's `printed`
 * meta (printed-places.ts).
 * Pure.
 */
import { endMarkerId } from './indexer-view';
import type { FragmentAnchor, FragmentData } from './pagefind-internals';
import { PRINTED_META, decodePrintedPages } from './printed-places';
import { findKeyRuns, unitKey } from './units';
import { INDICATORS_TABLE_ID } from '../site/site-paths';

/** What hits.ts needs of a Pagefind fragment. */
export type Fragment = Pick<FragmentData, 'url' | 'content' | 'anchors' | 'meta'>;

/**
 * A piece of an excerpt; `hit` marks the searched words; `break` stands
 * where a heading ends and the text after it begins (or a heading begins).
 */
export interface ExcerptPart {
  text: string;
  hit: boolean;
  break?: true;
}

/** The printed pages a place of hits is on (equal for one page). */
export interface PrintedSpan {
  first: number;
  last: number;
}

/** The hits of one page in one place. */
export interface HitGroup {
  /** The id to link to; null for the top of the page. */
  id: string | null;
  /** The place's heading or, for a row or item, its first words. */
  title: string;
  count: number;
  /** Text around the first hit in the place. */
  excerpt: ExcerptPart[];
  /** The kind of the hits (a value of the type filter), given the page's kinds. */
  type: string;
  /** The 篇 of the hits (its label, `第九篇`) where the page shows several 篇; else null. */
  part: string | null;
  /** The printed page of the first hit (or of its place); null when not on a printed page (the 序言). */
  printed: PrintedSpan | null;
}

/** All hits of a page, by place in page order. */
export interface PageHits {
  count: number;
  groups: HitGroup[];
  /** The page's indexed text (without the spaces between units). */
  text: string;
}

const HEADING = /^h[1-6]$/;
const PAGE_ANCHOR = /^page-(\d+)$/;
const BOX_ANCHOR = /^box-\d+$/;
const TITLE_LENGTH = 24;

interface Place {
  anchor: FragmentAnchor;
  end: number;
}

/** The page's places: containers (with their ends) and section headings. */
function places(anchors: readonly FragmentAnchor[]): { containers: Place[]; headings: FragmentAnchor[] } {
  const ends = new Map(anchors.map((a) => [a.id, a.location]));
  const containers: Place[] = [];
  const headings: FragmentAnchor[] = [];
  for (const anchor of anchors) {
    if (anchor.id.endsWith('--end')) continue;
    if (HEADING.test(anchor.element)) {
      if (anchor.element !== 'h1') headings.push(anchor);
      continue;
    }
    const end = ends.get(endMarkerId(anchor.id));
    if (end !== undefined && end > anchor.location) containers.push({ anchor, end });
  }
  return { containers, headings };
}

/** The deepest place of the word at `location`, or null for the top of the page. */
export function placeOf(anchors: readonly FragmentAnchor[], location: number): FragmentAnchor | null {
  const { containers, headings } = places(anchors);
  let container: Place | null = null;
  for (const place of containers) {
    if (place.anchor.location <= location && location < place.end) {
      if (!container || place.anchor.location >= container.anchor.location) container = place;
    }
  }
  // A heading inside a container (a box's own title) heads nothing after the container ends.
  const within = (heading: FragmentAnchor) =>
    containers.every((c) => heading.location < c.anchor.location || heading.location >= c.end || location < c.end);
  let heading: FragmentAnchor | null = null;
  for (const anchor of headings) if (anchor.location <= location && within(anchor)) heading = anchor;
  // The later start is the deeper place; a box's own title starts with the box, which keeps the hit.
  if (container && (!heading || container.anchor.location >= heading.location)) return container.anchor;
  return heading;
}

const join = (words: readonly string[]) => words.join('');

function titleOf(anchor: FragmentAnchor | null, anchors: readonly FragmentAnchor[], words: readonly string[], pageTitle: string): string {
  if (!anchor) return pageTitle;
  if (HEADING.test(anchor.element)) return anchor.text.replace(/\s+/g, '');
  const end = anchors.find((a) => a.id === endMarkerId(anchor.id))?.location ?? anchor.location;
  const heading = anchors.find((a) => HEADING.test(a.element) && a.location >= anchor.location && a.location < end);
  if (heading) return heading.text.replace(/\s+/g, '');
  const own = anchor.text.replace(/\s+/g, '');
  if (own !== '') return own;
  const text = join(words.slice(anchor.location, end));
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH)}…` : text;
}

/** The words of a heading: the first (its anchor's location) and how many (the units of its text). */
export function headingSpan(anchor: FragmentAnchor): [number, number] {
  return [anchor.location, anchor.text.split(/\s+/u).filter((w) => w !== '').length];
}

/** The word indices where a heading of the page begins or ends (where an excerpt shows a break). */
export function headingBreaks(anchors: readonly FragmentAnchor[]): number[] {
  const breaks = new Set<number>();
  for (const anchor of anchors) {
    if (!HEADING.test(anchor.element)) continue;
    const [start, length] = headingSpan(anchor);
    if (length === 0) continue;
    breaks.add(start);
    breaks.add(start + length);
  }
  return [...breaks].sort((a, b) => a - b);
}

/** The separator shown where a heading ends and its text begins. */
export const EXCERPT_BREAK = ' ｜ ';

/**
 * The excerpt around the hit at `[start, end)` (word indices): `before` and
 * `after` words of context; a break part at each of `breaks` (word indices)
 * inside it.
 */
export function excerptAround(
  words: readonly string[],
  start: number,
  end: number,
  hits: readonly [number, number][],
  before = 16,
  after = 40,
  breaks: readonly number[] = [],
): ExcerptPart[] {
  const from = Math.max(0, start - before);
  const to = Math.min(words.length, end + after);
  const parts: ExcerptPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.hit === hit && !last.break) last.text += text;
    else parts.push({ text, hit });
  };
  if (from > 0) push('…', false);
  let at = from;
  /** The plain words up to `until`, with a break at each heading edge among them. */
  const plain = (until: number) => {
    for (const b of breaks) {
      if (b <= at || b >= until || b <= from || b >= to) continue;
      push(join(words.slice(at, b)), false);
      parts.push({ text: EXCERPT_BREAK, hit: false, break: true });
      at = b;
    }
    push(join(words.slice(at, Math.max(at, until))), false);
  };
  for (const [s, e] of hits) {
    if (e <= from || s >= to) continue;
    plain(s);
    // Punctuation glued to the first or last unit stays outside the mark.
    const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(join(words.slice(Math.max(at, s), Math.min(e, to)))) ?? [];
    push(lead, false);
    push(core, true);
    push(trail, false);
    at = Math.min(e, to);
  }
  plain(to);
  if (to < words.length) push('…', false);
  return parts;
}

/** The containers (box, indicators table) holding the word at `location`: their ids, outermost first. */
function containersAt(anchors: readonly FragmentAnchor[], location: number): string[] {
  const ends = new Map(anchors.map((a) => [a.id, a.location]));
  return anchors
    .filter((a) => a.location <= location && location < (ends.get(endMarkerId(a.id)) ?? -1))
    .map((a) => a.id);
}

/**
 * The kind of a hit: on a page of one kind, that kind; on a page of several
 * (a 章 holding boxes or the indicators table), 专栏 inside a box, 指标
 * inside the table, else 正文 (the first kind listed).
 */
export function kindOf(pageTypes: readonly string[], within: readonly string[]): string {
  if (pageTypes.length <= 1) return pageTypes[0] ?? '';
  if (pageTypes.includes('专栏') && within.some((id) => BOX_ANCHOR.test(id))) return '专栏';
  if (pageTypes.includes('指标') && within.includes(INDICATORS_TABLE_ID)) return '指标';
  return pageTypes[0]!;
}

/** The printed page of the word at `location`: the last page marker before it, else the page's or its place's pages. */
function printedAt(anchors: readonly FragmentAnchor[], location: number, within: readonly string[], meta: Record<string, string>): PrintedSpan | null {
  let marker: number | null = null;
  for (const anchor of anchors) {
    const page = PAGE_ANCHOR.exec(anchor.id);
    if (page && anchor.location <= location) marker = Number(page[1]);
  }
  if (marker !== null) return { first: marker, last: marker };
  const printed = decodePrintedPages(meta[PRINTED_META]);
  if (!printed) return null;
  const place = printed.places.find((p) => within.includes(p.id));
  if (place) return { first: place.first, last: place.last };
  return printed.start === null ? null : { first: printed.start, last: printed.start };
}

/** The 篇 label of a hit on a page that shows several 篇 (/boxes/): its box's. */
function partAt(meta: Record<string, string>, within: readonly string[]): string | null {
  const printed = decodePrintedPages(meta[PRINTED_META]);
  return printed?.places.find((p) => within.includes(p.id))?.part ?? null;
}

/**
 * The hits of the terms (each given by its keys) on the page of `fragment`,
 * whose type filter values are `pageTypes`.
 */
export function pageHits(fragment: Fragment, terms: readonly (readonly string[])[], pageTypes: readonly string[] = []): PageHits {
  const words = fragment.content.split(' ');
  const keys = words.map(unitKey);
  const hits: [number, number][] = [];
  for (const termKeys of terms) for (const at of findKeyRuns(keys, termKeys)) hits.push([at, at + termKeys.length]);
  hits.sort((a, b) => a[0] - b[0]);
  const breaks = headingBreaks(fragment.anchors);
  const groups = new Map<string, HitGroup>();
  for (const [start, end] of hits) {
    const anchor = placeOf(fragment.anchors, start);
    const key = anchor?.id ?? '';
    const group = groups.get(key);
    if (group) {
      group.count++;
      continue;
    }
    const within = containersAt(fragment.anchors, start);
    groups.set(key, {
      id: anchor?.id ?? null,
      title: titleOf(anchor, fragment.anchors, words, fragment.meta.title ?? fragment.url),
      count: 1,
      excerpt: excerptAround(words, start, end, hits, undefined, undefined, breaks),
      type: kindOf(pageTypes, within),
      part: partAt(fragment.meta, within),
      printed: printedAt(fragment.anchors, start, within, fragment.meta),
    });
  }
  return { count: hits.length, groups: [...groups.values()], text: join(words) };
}

/** The hits of the groups that pass `keep`, counted again. */
export function keepGroups(hits: PageHits, keep: (group: HitGroup) => boolean): PageHits {
  const groups = hits.groups.filter(keep);
  return { ...hits, groups, count: groups.reduce((n, g) => n + g.count, 0) };
}
