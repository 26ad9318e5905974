/**
 * The page as the search indexer is given it (never as it is served): the
 * same HTML with the text cut into search units (see units.ts), and an empty
 * marker `<i id="ID--end">` after each container element that has an id, so
 * the index knows where a 专栏 box, a table row or a list item ends — Pagefind
 * records where an element with an id starts, not where it ends.
 *
 * Spaces are the only thing added to the text: removing all whitespace from
 * the text of the view gives that of the page. A run of letters or digits
 * split by inline tags (a page marker inside `12345`, say) stays one unit.
 *
 * Read as a stream of tags and text, not parsed into a tree and written out
 * again: the view must be the page byte for byte but for the spaces and end
 * markers it adds (tests/search/index.test.ts checks it on every page), and
 * a serialiser would rewrite every attribute and reference, on every build.
 * Character references are decoded by `entities`, never by hand.
 */
import { decodeHTML } from 'entities';
import { INLINE_ELEMENTS } from './pagefind-internals';
import { cutUnits, isRunChar, isWordChar, type TextPiece } from './units';

const INLINE = INLINE_ELEMENTS;
/** Elements whose extent a search hit is attributed to when they carry an id. */
const CONTAINERS = new Set(['aside', 'article', 'section', 'li', 'tr', 'tbody', 'table', 'figure', 'blockquote', 'details']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Id of the marker that ends the container with id `id`. */
export function endMarkerId(id: string): string {
  return `${id}--end`;
}

/**
 * Text as pieces: a character reference is one piece, read (by `entities`,
 * the HTML standard's table) as the character it stands for, and kept as
 * written, so the view changes nothing but spaces.
 */
function pieces(text: string): TextPiece[] {
  // Most text holds no reference: read it character by character (the build reads every indexed page, issue 13).
  if (!text.includes('&')) return Array.from(text, (ch) => ({ raw: ch, ch }));
  return [...text.matchAll(/&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);|[\s\S]/giu)].map(([raw]) => ({ raw, ch: raw.length > 1 ? decodeHTML(raw) : raw }));
}

/** The indexer's view of the HTML page `html`. */
export function indexerView(html: string): string {
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(script|style|template)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gi;
  const open: { tag: string; containerId: string | null }[] = [];
  let out = '';
  // The text so far ends inside a run of letters or digits, with only inline tags since.
  let runOpen = false;
  for (const match of html.matchAll(token)) {
    const [whole, , tagName, attrs = ''] = match;
    if (tagName === undefined) {
      if (whole.startsWith('<')) {
        out += whole; // comment, doctype, script, style, template or a stray '<'
        runOpen = false;
        continue;
      }
      const textPieces = pieces(whole);
      if (textPieces.every((p) => /\s/u.test(p.ch))) {
        out += whole;
        runOpen = false;
        continue;
      }
      // Punctuation alone (the 。 after a link) joins the unit before it, so it takes no word position.
      const joins = (runOpen && isRunChar(textPieces[0]!.ch)) || !textPieces.some((p) => isWordChar(p.ch));
      out += (joins ? '' : ' ') + cutUnits(textPieces).join(' ');
      runOpen = isRunChar(textPieces.at(-1)!.ch);
      continue;
    }
    const tag = tagName.toLowerCase();
    const closing = whole.startsWith('</');
    if (!INLINE.has(tag)) runOpen = false;
    if (closing) {
      // A space before a block's end keeps Pagefind from appending a full stop to its text.
      out += INLINE.has(tag) ? whole : ` ${whole}`;
      let at = open.length - 1;
      while (at >= 0 && open[at]!.tag !== tag) at--;
      if (at >= 0) {
        const ended = open.slice(at).reverse();
        open.length = at;
        for (const element of ended) if (element.containerId !== null) out += `<i id="${endMarkerId(element.containerId)}"></i>`;
      }
      continue;
    }
    out += whole;
    if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) continue;
    const id = CONTAINERS.has(tag) ? /\sid="([^"]+)"/.exec(attrs)?.[1] ?? null : null;
    open.push({ tag, containerId: id });
  }
  return out;
}
