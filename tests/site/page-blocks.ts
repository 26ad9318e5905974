/**
 * The text of a built page in blocks, as a browser searches it for a text
 * fragment: every text node of the body (scripts, styles and templates
 * aside), split where a block-level element starts or ends, whitespace
 * collapsed. Each block says whether it is the plan's text: inside <main>,
 * outside site UI (`data-nontext`) and outside the curated tables.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';

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
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'title', 'head']);

/** The blocks of `html` (a whole page), read as a tree (hast-util-from-html: parse5, references decoded). */
export function pageBlocks(html: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  let current = '';
  let currentPlan = false;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ text, plan: currentPlan });
    current = '';
  };
  const visit = (element: Element, parentSkipped: boolean, parentPlan: boolean): void => {
    const tag = element.tagName;
    const ui = element.properties.dataNontext !== undefined || element.properties.dataCuratedTable !== undefined;
    const skipped = parentSkipped || SKIPPED.has(tag);
    const plan = tag === 'main' ? true : parentPlan && !ui;
    if (BLOCK.has(tag)) flush();
    for (const child of element.children) {
      if (child.type === 'element') visit(child, skipped, plan);
      else if (child.type === 'text' && !skipped) {
        if (current !== '' && plan !== currentPlan) flush();
        currentPlan = plan;
        current += child.value;
      }
    }
    if (BLOCK.has(tag)) flush();
  };
  const root = fromHtml(html);
  const document = root.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const body = document?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body');
  if (body) visit(body, false, false);
  flush();
  return blocks;
}
