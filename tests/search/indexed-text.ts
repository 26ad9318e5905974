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
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { INLINE_ELEMENTS, REMOVED_ELEMENTS } from '../../src/search/pagefind-internals';

const REMOVED = REMOVED_ELEMENTS;
const INLINE = INLINE_ELEMENTS;

/**
 * The indexed text of one page, runs separated by newlines, or null when
 * the page has no `data-pagefind-body` element (Pagefind then skips it).
 * The page is read as a tree (hast-util-from-html: parse5, character
 * references decoded by the HTML standard's table).
 */
export function indexedText(html: string): string | null {
  let out = '';
  let sawBody = false;
  const visit = (node: Nodes, body: boolean, dropped: boolean): void => {
    if (node.type === 'text') {
      if (body && !dropped) out += node.value.replace(/\s+/g, ' ');
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) visit(child, body, dropped);
      return;
    }
    if (node.type !== 'element') return;
    const p = node.properties;
    const isBody = p.dataPagefindBody !== undefined;
    if (isBody) sawBody = true;
    const block = !INLINE.has(node.tagName);
    if (block) out += '\n';
    const inside = { body: body || isBody, dropped: dropped || p.dataPagefindIgnore !== undefined || REMOVED.has(node.tagName) };
    for (const child of node.children) visit(child, inside.body, inside.dropped);
    if (block) out += '\n';
  };
  visit(fromHtml(html), false, false);
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
