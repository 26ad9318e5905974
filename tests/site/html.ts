/**
 * HTML reading for checks on the built site, as a tree: pages are parsed by
 * hast-util-from-html (parse5, the browser's algorithm) and character
 * references decoded by the parser (with `entities`), never by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { find, html as htmlSchema } from 'property-information';

/** Elements whose text a reader never sees as the page's text. */
const SKIPPED = new Set(['script', 'style', 'template', 'svg']);

let lastParsed: { html: string; root: Root } | null = null;

/** `html` (a page or a piece of one) as a hast tree; the last one is kept, as checks often read one page several ways. */
function tree(html: string): Root {
  if (lastParsed?.html !== html) lastParsed = { html, root: fromHtml(html, { fragment: !/^\s*<!doctype/i.test(html) }) };
  return lastParsed.root;
}

/** The text of `node` a reader can copy (see `visibleText`). */
function textOf(node: Nodes, skipCurated: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element') {
    const p = node.properties;
    if (SKIPPED.has(node.tagName) || p.dataNontext !== undefined || (skipCurated && p.dataCuratedTable !== undefined)) return '';
  }
  return node.children.map((child) => textOf(child, skipCurated)).join('');
}

/**
 * The text a reader can copy from `html`: text nodes, leaving out scripts,
 * styles, SVG and every element marked `data-nontext` (site text), and with
 * `skipCurated` the curated tables (`data-curated-table`), whose cells are
 * checked on their own.
 */
export function visibleText(html: string, options: { skipCurated?: boolean } = {}): string {
  return textOf(tree(html), options.skipCurated === true);
}

/** The elements of `html` matching the CSS `selector`, in document order. */
export function elementsOf(html: string, selector: string): Element[] {
  return selectAll(selector, tree(html));
}

/** The elements inside `element` matching the CSS `selector`, in document order. */
export function elementsIn(element: Element, selector: string): Element[] {
  return selectAll(selector, element);
}

/** Every character of text in `html`, markup left out and references decoded (scripts and site text included, unlike `visibleText`). */
export function textContent(html: string): string {
  return toString(tree(html));
}

/** The innermost list item holding the element with id `id` (or being it), as written; ancestors come first in document order. */
export function listItemHolding(html: string, id: string): string {
  const item = elementsOf(html, `li:has([id="${id}"]), li[id="${id}"]`).at(-1);
  if (!item) throw new Error(`no list item holds #${id}`);
  return sourceOf(html, item);
}

/**
 * For each id in `html` held by a list item (or being one's), the innermost
 * such item, as an element: one walk of the page, for checks that look up
 * many entries (`listItemHolding` finds one).
 */
export function listItemsById(html: string): Map<string, Element> {
  const items = new Map<string, Element>();
  const walk = (node: Nodes, item: Element | undefined) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    let holder = item;
    if (node.type === 'element') {
      if (node.tagName === 'li') holder = node;
      const id = attributeOf(node, 'id');
      if (id !== undefined && holder && !items.has(id)) items.set(id, holder);
    }
    for (const child of node.children) walk(child, holder);
  };
  walk(tree(html), undefined);
  return items;
}

/** The HTML of `element` as written in `html` (the tree `elementsOf` read it from), from its start tag to its end tag. */
export function sourceOf(html: string, element: Element): string {
  const { start, end } = element.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) throw new Error(`<${element.tagName}> has no place in the page`);
  return html.slice(start.offset, end.offset);
}

/** The `<main>` element of a page (Starlight pages have exactly one), as written. */
export function mainOf(html: string): string {
  const mains = elementsOf(html, 'main');
  if (mains.length !== 1) throw new Error(`page has ${mains.length} <main> elements`);
  return sourceOf(html, mains[0]!);
}

/** The text of `element`, character references decoded, scripts and site text (`data-nontext`) left out. */
export function elementText(element: Element): string {
  return textOf(element, false);
}

/** The element after `element` among its parent's children (text between them aside), or undefined. */
export function nextElementOf(html: string, element: Element): Element | undefined {
  let next: Element | undefined;
  const walk = (node: Nodes): boolean => {
    if (node.type !== 'element' && node.type !== 'root') return false;
    const at = node.children.indexOf(element as never);
    if (at >= 0) {
      next = node.children.slice(at + 1).find((c): c is Element => c.type === 'element');
      return true;
    }
    return node.children.some(walk);
  };
  walk(tree(html));
  return next;
}

/** The value of attribute `name` of an element as written in HTML (a list attribute joined by spaces), or undefined. */
export function attributeOf(element: Element, name: string): string | undefined {
  const info = find(htmlSchema, name);
  const value = element.properties[info.property];
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return '';
  return Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
}

/** Every attribute of `element` by its name as written in HTML (list attributes joined), values decoded. */
export function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries(Object.keys(element.properties).flatMap((property) => {
    const name = find(htmlSchema, property).attribute;
    const value = attributeOf(element, name);
    return value === undefined ? [] : [[name, value]];
  }));
}

/** Values of attribute `name` on any element, in document order. */
export function attributeValues(html: string, name: string): string[] {
  return selectAll(`[${name}]`, tree(html)).flatMap((element) => attributeOf(element, name) ?? []);
}

/** Every id attribute value in `html`, in document order. */
export function idsOf(html: string): string[] {
  return attributeValues(html, 'id');
}

/** The file in `outDir` that serves site path `urlPath` (already stripped of the base). */
export function fileForPath(outDir: string, urlPath: string): string {
  const clean = decodeURI(urlPath.split(/[?#]/)[0]!);
  return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** Reads the HTML served at `urlPath`. */
export function readPage(outDir: string, urlPath: string): string {
  return readFileSync(fileForPath(outDir, urlPath), 'utf8');
}

/** Every .html file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(path.join(dir, entry.name), rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

/** Site path of an html file relative to the output dir (`part-1/index.html` → `/part-1/`). */
export function pathOfFile(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  return '/' + (posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix);
}

/**
 * The text of each cell (th, td, caption) and note paragraph inside the element
 * marked `data-curated-table="name"`, in document order, site text left out.
 */
export function curatedTableCells(html: string, name: string): string[] {
  const table = selectAll(`[data-curated-table="${name}"]`, tree(html))[0];
  if (!table) return [];
  const cells: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && ['th', 'td', 'caption', 'p'].includes(node.tagName)) cells.push(textOf(node, false).trim());
    else node.children.forEach(walk);
  };
  walk(table);
  return cells;
}
