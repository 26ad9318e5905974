/**
 * The text of a built page in blocks, as a browser searches it for a text
 * fragment: every text node of the body (scripts, styles and templates
 * aside), split where a block-level element starts or ends, whitespace
 * collapsed. Each block says whether it is the plan's text: inside <main>,
 * outside site UI (`data-nontext`) and outside the curated tables.
 */
import { decodeEntities } from './html';

/** One block of a page's text. */
export interface PageBlock {
  text: string;
  /** Inside <main>, not site UI, not a curated table: the plan's own text. */
  plan: boolean;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'input', 'li',
  'main', 'nav', 'ol', 'p', 'section', 'select', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'title', 'head']);

/** The blocks of `html` (a whole page). */
export function pageBlocks(html: string): PageBlock[] {
  const body = html.slice(html.indexOf('<body'));
  const blocks: PageBlock[] = [];
  const stack: { tag: string; skipped: boolean; plan: boolean }[] = [];
  let current = '';
  let currentPlan = false;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ text, plan: currentPlan });
    current = '';
  };
  const token = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const match of body.matchAll(token)) {
    const [, closing, opening, attrs = '', text] = match;
    const top = stack.at(-1);
    if (text !== undefined) {
      if (top?.skipped) continue;
      const plan = top?.plan ?? false;
      if (current !== '' && plan !== currentPlan) flush();
      currentPlan = plan;
      current += decodeEntities(text);
    } else if (opening) {
      const tag = opening.toLowerCase();
      if (BLOCK.has(tag)) flush();
      if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) continue;
      const ui = /\sdata-nontext(?=[\s=>]|$)/.test(attrs) || /\sdata-curated-table(?=[\s=>]|$)/.test(attrs);
      stack.push({
        tag,
        skipped: (top?.skipped ?? false) || SKIPPED.has(tag),
        plan: tag === 'main' ? true : (top?.plan ?? false) && !ui,
      });
    } else if (closing) {
      const tag = closing.toLowerCase();
      if (BLOCK.has(tag)) flush();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    }
  }
  flush();
  return blocks;
}
