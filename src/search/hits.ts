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
 * Pure.
 */
import { endMarkerId } from './indexer-view';
import type { FragmentAnchor, FragmentData } from './pagefind-internals';
import { findKeyRuns, unitKey } from './units';

/** An anchor of a fragment. */
/** What hits.ts needs of a Pagefind fragment. */
export type Fragment = Pick<FragmentData, 'url' | 'content' | 'anchors' | 'meta'>;

/** A piece of an excerpt; `hit` marks the searched words. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
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
}

/** All hits of a page, by place in page order. */
export interface PageHits {
  count: number;
  groups: HitGroup[];
  /** The page's indexed text (without the spaces between units). */
  text: string;
}

const HEADING = /^h[1-6]$/;
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

/** The excerpt around the hit at `[start, end)` (word indices): `before` and `after` words of context. */
export function excerptAround(words: readonly string[], start: number, end: number, hits: readonly [number, number][], before = 16, after = 40): ExcerptPart[] {
  const from = Math.max(0, start - before);
  const to = Math.min(words.length, end + after);
  const parts: ExcerptPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [s, e] of hits) {
    if (e <= from || s >= to) continue;
    push(join(words.slice(at, Math.max(at, s))), false);
    // Punctuation glued to the first or last unit stays outside the mark.
    const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(join(words.slice(Math.max(at, s), Math.min(e, to)))) ?? [];
    push(lead, false);
    push(core, true);
    push(trail, false);
    at = Math.min(e, to);
  }
  push(join(words.slice(at, to)), false);
  if (to < words.length) push('…', false);
  return parts;
}

/** The hits of the terms (each given by its keys) on the page of `fragment`. */
export function pageHits(fragment: Fragment, terms: readonly (readonly string[])[]): PageHits {
  const words = fragment.content.split(' ');
  const keys = words.map(unitKey);
  const hits: [number, number][] = [];
  for (const termKeys of terms) for (const at of findKeyRuns(keys, termKeys)) hits.push([at, at + termKeys.length]);
  hits.sort((a, b) => a[0] - b[0]);
  const groups = new Map<string, HitGroup>();
  for (const [start, end] of hits) {
    const anchor = placeOf(fragment.anchors, start);
    const key = anchor?.id ?? '';
    const group = groups.get(key);
    if (group) {
      group.count++;
      continue;
    }
    groups.set(key, {
      id: anchor?.id ?? null,
      title: titleOf(anchor, fragment.anchors, words, fragment.meta.title ?? fragment.url),
      count: 1,
      excerpt: excerptAround(words, start, end, hits),
    });
  }
  return { count: hits.length, groups: [...groups.values()], text: join(words) };
}
