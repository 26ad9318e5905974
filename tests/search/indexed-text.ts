/**
 * The text Pagefind indexes on a built page, read from the HTML the way its
 * indexer reads it: only inside `data-pagefind-body` elements (a page without
 * one is not indexed at all once any page has one), leaving out every
 * `data-pagefind-ignore` subtree and the elements Pagefind always drops
 * (head, style, script, noscript, label, form, svg, footer, nav, iframe,
 * template). Block elements end a run of text; inline elements (the empty
 * page markers inside a word, say) do not.
 *
 * This is the ground truth of the recall measurement: a term "is on" a page
 * when this text contains it.
 */
import { decodeEntities } from '../site/html';
import { INLINE_ELEMENTS, REMOVED_ELEMENTS } from '../../src/search/pagefind-internals';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const REMOVED = REMOVED_ELEMENTS;
const INLINE = INLINE_ELEMENTS;

interface Open {
  tag: string;
  body: boolean;
  dropped: boolean;
}

/**
 * The indexed text of one page, runs separated by newlines, or null when
 * the page has no `data-pagefind-body` element (Pagefind then skips it).
 */
export function indexedText(html: string): string | null {
  const stack: Open[] = [];
  let out = '';
  let sawBody = false;
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/gi;
  for (const match of html.matchAll(token)) {
    const [, closing, opening, attrs = '', text] = match;
    const top = stack.at(-1);
    if (text !== undefined) {
      if (top?.body && !top.dropped) out += decodeEntities(text).replace(/\s+/g, ' ');
    } else if (opening) {
      const tag = opening.toLowerCase();
      const isBody = /\sdata-pagefind-body(?=[\s=>/]|$)/.test(attrs);
      if (isBody) sawBody = true;
      if (!INLINE.has(tag)) out += '\n';
      if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) continue;
      const ignored = /\sdata-pagefind-ignore(?=[\s=>/]|$)/.test(attrs);
      stack.push({
        tag,
        body: (top?.body ?? false) || isBody,
        dropped: (top?.dropped ?? false) || ignored || REMOVED.has(tag),
      });
    } else if (closing) {
      const tag = closing.toLowerCase();
      if (!INLINE.has(tag)) out += '\n';
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    }
  }
  if (!sawBody) return null;
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Lower-cased, as Pagefind compares words. */
const fold = (text: string) => text.toLowerCase();

const ALNUM = /[a-z0-9]/;

/**
 * How often `term` occurs in `text` (non-overlapping, case-insensitive).
 * A term that begins or ends with a Latin letter or digit must not continue
 * a longer Latin token there: `AI` is not in `CAI`, `5G` not in `25G`.
 */
export function occurrences(text: string, term: string): number {
  const haystack = fold(text);
  const needle = fold(term);
  if (needle === '') return 0;
  const guardStart = ALNUM.test(needle[0]!);
  const guardEnd = ALNUM.test(needle.at(-1)!);
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; ) {
    const end = at + needle.length;
    const clean = !(guardStart && ALNUM.test(haystack[at - 1] ?? '')) && !(guardEnd && ALNUM.test(haystack[end] ?? ''));
    if (clean) count++;
    at = haystack.indexOf(needle, clean ? end : at + 1);
  }
  return count;
}
