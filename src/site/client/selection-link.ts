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
 * and takes the first match), by `chooseTextDirective`; a long passage is
 * given by its first and last words (`text=start,end`).
 *
 * Beside it, "复制引文" copies the selected words in quotation marks with
 * their GB/T 7714 reference: the section or box they are in, the printed
 * pages they lie on (from the page markers around them), and the link to
 * them as its URL.
 */
import { PAGE_SPOT, citationRecord, isoDate, readPageCitations, type PageCitations } from '../cite/citation';
import type { PageSpan } from '../plan/page-spans';
import { gbt7714 } from '../cite/reference-formats';
import { chooseTextDirective, formatTextDirective, type TextSpot } from '../cite/text-fragment';
import { announce, copyText } from './clipboard';
import { servedUrl } from './served-url';

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

/** The page's own URL where it is served, without query or fragment. */
function pageUrl(): string {
  return servedUrl(location.pathname);
}

/** The selected passage: its link, its words, its anchor and the printed pages it lies on. */
interface Passage {
  link: string;
  words: string;
  anchor: string;
  pages: PageSpan | null;
}

/** The printed page where `node` stands: that of the last page marker before it, or null before the first. */
function pageAt(node: Node, content: Element, boundary: 'start' | 'end'): number | null {
  let page: number | null = null;
  for (const marker of content.querySelectorAll<HTMLElement>('.page-marker[data-page]')) {
    const position = marker.compareDocumentPosition(node);
    const before = position & Node.DOCUMENT_POSITION_FOLLOWING || (boundary === 'end' && position & Node.DOCUMENT_POSITION_CONTAINED_BY);
    if (before) page = Number(marker.dataset.page);
  }
  return page;
}

/** What `range` selects, or null when it selects none of the plan's text. */
function selectedPassage(range: Range, content: Element, firstPage: number | null): Passage | null {
  const { blocks, nodes } = pageText();
  const found = selectedSpot(range, nodes);
  if (!found) return null;
  const anchor = nearestAnchor(found.first, content);
  const texts = blocks.map((b) => b.text);
  const directive = chooseTextDirective(texts, found.spot);
  const { startBlock, start, endBlock, end } = found.spot;
  const words = texts
    .slice(startBlock, endBlock + 1)
    .map((text, i) => text.slice(i === 0 ? start : 0, startBlock + i === endBlock ? end : undefined))
    .join('\n');
  const link = directive ? `${pageUrl()}#${anchor}:~:${formatTextDirective(directive)}` : `${pageUrl()}${anchor ? `#${anchor}` : ''}`;
  const first = pageAt(range.startContainer, content, 'start') ?? firstPage;
  const last = pageAt(range.endContainer, content, 'end') ?? first;
  return { link, words, anchor, pages: first === null || last === null ? null : { first, last } };
}

/** The link to what `range` selects, or null when it selects none of the plan's text. */
export function linkToSelection(range: Range, content: Element): string | null {
  return selectedPassage(range, content, null)?.link ?? null;
}

/** The citation data of the page (`#cite-data`), if it has any. */
function pageCitations(): PageCitations | null {
  const text = document.getElementById('cite-data')?.textContent;
  return text ? readPageCitations(text) : null;
}

/**
 * The quotation of a passage: its words in quotation marks, then the GB/T
 * 7714 reference to the section or box it is in, with its own pages and
 * its link as the URL.
 */
function quotation(passage: Passage, data: PageCitations): string {
  const spot = data.spots[passage.anchor] ?? data.spots[PAGE_SPOT]!;
  const record = citationRecord(data.work, { ...spot, pages: passage.pages ?? spot.pages }, isoDate(new Date()), passage.link);
  return `“${passage.words}”\n${gbt7714(record)}`;
}

function mount(content: Element): void {
  const data = pageCitations();
  const firstPage = data?.spots[PAGE_SPOT]?.pages?.first ?? null;
  const actions = document.createElement('div');
  actions.className = 'selection-actions not-content';
  actions.hidden = true;
  actions.setAttribute('data-nontext', '');
  actions.setAttribute('data-pagefind-ignore', '');
  const makeButton = (className: string, text: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    // Pressing a button must not take the selection away.
    b.addEventListener('mousedown', (event) => event.preventDefault());
    b.addEventListener('blur', (event) => {
      if (actions.contains(event.relatedTarget as Node | null)) return;
      const selection = getSelection();
      if (!selection || selection.isCollapsed) actions.hidden = true;
    });
    actions.append(b);
    return b;
  };
  const button = makeButton('selection-link', '复制链接到所选文字');
  const quote = data ? makeButton('selection-quote', '复制引文') : null;
  let range: Range | null = null;

  const within = (r: Range) => content.contains(r.commonAncestorContainer) && r.toString().trim() !== '';
  /** The top-level element of the text that holds `node`: the buttons go after it, so Tab reaches them next. */
  const topLevel = (node: Node) => {
    let el = node instanceof Element ? node : node.parentElement;
    while (el && el.parentElement !== content) el = el.parentElement;
    return el;
  };

  const place = () => {
    const selection = getSelection();
    const current = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    if (!current || !within(current)) {
      if (!actions.contains(document.activeElement)) actions.hidden = true;
      return;
    }
    range = current.cloneRange();
    const after = topLevel(current.endContainer);
    if (after && after.nextElementSibling !== actions) after.after(actions);
    actions.hidden = false;
    const rects = current.getClientRects();
    const last = rects[rects.length - 1] ?? current.getBoundingClientRect();
    const frame = (actions.offsetParent ?? document.body).getBoundingClientRect();
    const width = actions.offsetWidth;
    const left = Math.max(8, Math.min(last.right - frame.left - width, document.documentElement.clientWidth - frame.left - width - 8));
    actions.style.left = `${Math.round(left)}px`;
    actions.style.top = `${Math.round(last.bottom - frame.top + 6)}px`;
  };

  let timer: number | undefined;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(place, 120);
  });
  button.addEventListener('click', () => {
    const link = range ? linkToSelection(range, content) : null;
    if (!link) return;
    void copyText(link).then((ok) => announce(ok ? '已复制所选文字的链接' : `无法自动复制，链接是：${link}`));
  });
  quote?.addEventListener('click', () => {
    const passage = range ? selectedPassage(range, content, firstPage) : null;
    if (!passage || !data) return;
    const text = quotation(passage, data);
    void copyText(text).then((ok) => announce(ok ? '已复制引文及其出处' : `无法自动复制，引文是：${text}`));
  });
}

const content = document.querySelector('[data-selection-links]') ? document.querySelector('main .sl-markdown-content') : null;
if (content) mount(content);
