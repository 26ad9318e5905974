/**
 * "复制链接到所选文字": when the reader selects text of the plan on a 篇 or 章
 * page, a button under the selection copies a link to it — the page URL,
 * the nearest anchor (`#section-K`, or `#box-N` inside a box) and a text
 * fragment (`:~:text=…`) that opens the page scrolled to the passage and
 * highlighting it. Browsers without text fragments go to the anchor
 * (fragment-fallback.ts).
 *
 * The directive is chosen against the text of the whole page as this
 * browser lays it out (navigation included: a browser searches all of it
 * and takes the first match), by `chooseTextDirective`.
 */
import { chooseTextDirective, formatTextDirective, type TextSpot } from '../cite/text-fragment';
import { announce, copyText } from './clipboard';

/** A block of the page's text: its characters, whitespace collapsed, and where each text node's characters went. */
interface TextBlock {
  text: string;
}

interface NodeMap {
  block: number;
  /** `offsets[i]` is the block offset of the node's character i; `offsets[length]` the offset after it. */
  offsets: number[];
}

const INLINE = /^(inline|contents|ruby)/;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The page's text in blocks, as a browser searches it for a text fragment, and each text node's place in it. */
function pageText(): { blocks: TextBlock[]; nodes: Map<Text, NodeMap> } {
  const blocks: TextBlock[] = [];
  const nodes = new Map<Text, NodeMap>();
  const blockOf = new Map<Element, number>();
  const isBlock = new Map<Element, boolean>();
  const blockElement = (el: Element): Element => {
    for (let at: Element | null = el; at; at = at.parentElement) {
      let known = isBlock.get(at);
      if (known === undefined) isBlock.set(at, (known = !INLINE.test(getComputedStyle(at).display)));
      if (known) return at;
    }
    return document.body;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (SKIPPED.has(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let lastBlockElement: Element | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const element = blockElement(node.parentElement!);
    // A new block whenever the block element changes (text after a nested block starts a new one too).
    if (element !== lastBlockElement || !blockOf.has(element)) {
      blockOf.set(element, blocks.length);
      blocks.push({ text: '' });
      lastBlockElement = element;
    }
    const index = blockOf.get(element)!;
    const block = blocks[index]!;
    const offsets: number[] = [];
    for (const char of node.data) {
      offsets.push(block.text.length);
      // UTF-16 units: a character outside the BMP takes two offsets.
      if (char.length === 2) offsets.push(block.text.length);
      if (/\s/.test(char)) {
        if (block.text !== '' && !block.text.endsWith(' ')) block.text += ' ';
      } else block.text += char;
    }
    offsets.push(block.text.length);
    nodes.set(node, { block: index, offsets });
  }
  return { blocks, nodes };
}

/** The selection as a passage of the page's text, or null when it holds none of the plan's text. */
function selectedSpot(range: Range, nodes: Map<Text, NodeMap>): { spot: TextSpot; first: Text } | null {
  let start: { node: Text; at: number } | null = null;
  let end: { node: Text; at: number } | null = null;
  for (const [node] of nodes) {
    if (!range.intersectsNode(node) || node.parentElement?.closest('[data-nontext]')) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    if (to <= from || node.data.slice(from, to).trim() === '') continue;
    start ??= { node, at: from };
    end = { node, at: to };
  }
  if (!start || !end) return null;
  const a = nodes.get(start.node)!;
  const b = nodes.get(end.node)!;
  return { spot: { startBlock: a.block, start: a.offsets[start.at]!, endBlock: b.block, end: b.offsets[end.at]! }, first: start.node };
}

/** The anchor nearest before a node of the text: the box it is in, else the last section heading before it. */
function nearestAnchor(node: Node, content: Element): string {
  const box = node.parentElement?.closest('aside[id^="box-"]');
  if (box) return box.id;
  let anchor = '';
  for (const heading of content.querySelectorAll('h2[id^="section-"]')) {
    if (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) anchor = heading.id;
  }
  return anchor;
}

/** The page's own URL (its canonical one: the stable address, whoever serves the copy being read). */
function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return (canonical ?? location.href).replace(/#.*$/, '');
}

/** The link to what `range` selects, or null when it selects none of the plan's text. */
export function linkToSelection(range: Range, content: Element): string | null {
  const { blocks, nodes } = pageText();
  const found = selectedSpot(range, nodes);
  if (!found) return null;
  const anchor = nearestAnchor(found.first, content);
  const directive = chooseTextDirective(
    blocks.map((b) => b.text),
    found.spot,
  );
  return directive ? `${pageUrl()}#${anchor}:~:${formatTextDirective(directive)}` : `${pageUrl()}${anchor ? `#${anchor}` : ''}`;
}

function mount(content: Element): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'selection-link not-content';
  button.textContent = '复制链接到所选文字';
  button.hidden = true;
  button.setAttribute('data-nontext', '');
  button.setAttribute('data-pagefind-ignore', '');
  let range: Range | null = null;

  const within = (r: Range) => content.contains(r.commonAncestorContainer) && r.toString().trim() !== '';
  /** The top-level element of the text that holds `node`: the button goes after it, so Tab reaches it next. */
  const topLevel = (node: Node) => {
    let el = node instanceof Element ? node : node.parentElement;
    while (el && el.parentElement !== content) el = el.parentElement;
    return el;
  };

  const place = () => {
    const selection = getSelection();
    const current = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    if (!current || !within(current)) {
      if (document.activeElement !== button) button.hidden = true;
      return;
    }
    range = current.cloneRange();
    const after = topLevel(current.endContainer);
    if (after && after.nextElementSibling !== button) after.after(button);
    button.hidden = false;
    const rects = current.getClientRects();
    const last = rects[rects.length - 1] ?? current.getBoundingClientRect();
    const frame = (button.offsetParent ?? document.body).getBoundingClientRect();
    const width = button.offsetWidth;
    const left = Math.max(8, Math.min(last.right - frame.left - width, document.documentElement.clientWidth - frame.left - width - 8));
    button.style.left = `${Math.round(left)}px`;
    button.style.top = `${Math.round(last.bottom - frame.top + 6)}px`;
  };

  let timer: number | undefined;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(place, 120);
  });
  // Pressing the button must not take the selection away.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => {
    const link = range ? linkToSelection(range, content) : null;
    if (!link) return;
    void copyText(link).then((ok) => announce(ok ? '已复制所选文字的链接' : `无法自动复制，链接是：${link}`));
  });
  button.addEventListener('blur', () => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed) button.hidden = true;
  });
}

const content = document.querySelector('[data-selection-links]') ? document.querySelector('main .sl-markdown-content') : null;
if (content) mount(content);
