/**
 * A Content-Security-Policy for each built page, delivered as a `<meta>`:
 * scripts and styles only from the site itself, plus the exact inline
 * scripts, `<style>` elements and `style` attributes that Astro and Starlight
 * put in that page, each allowed by its SHA-256 hash. Pagefind compiles its
 * WebAssembly in the page, which needs `'wasm-unsafe-eval'` (and nothing
 * wider: no `'unsafe-eval'`, no `'unsafe-inline'`).
 *
 * Inline event handlers (`onclick="…"`) are never allowed: no hash is ever
 * issued for them, and `findInlineEventHandlers` lets the build refuse them.
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

/** Name of the http-equiv the policy is delivered with. */
export const CSP_HTTP_EQUIV = 'Content-Security-Policy';

/** `'sha256-…'` source expression of `text` (hashed as UTF-8, as browsers do). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * The elements of a page in document order, the contents of `<template>`s
 * included (the browser may clone them in). Parsed by parse5, the HTML
 * standard's parser (the one under hast-util-from-html), and read from its
 * own tree: the page is only read, and a hast tree built from it for every
 * page cost a fifth of the build's policies (issue 13: the build within 15 s).
 */
function elementsOf(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      out.push(child);
      if (child.tagName === 'template') walk((child as DefaultTreeAdapterTypes.Template).content);
      walk(child);
    }
  };
  walk(parse(html, { sourceCodeLocationInfo: true }));
  return out;
}

/** The value of attribute `name` of `element` (decoded), or undefined when it has none. */
const attribute = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name && a.prefix === undefined)?.value;

/** The text of a raw-text element (`<script>`, `<style>`) exactly as written. */
const rawText = (element: Element): string => element.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('');

/** One attribute of one start tag. */
export interface TagAttribute {
  tag: string;
  name: string;
  value: string;
}

/** Every attribute of every element of `html` (names as the parser gives them, values decoded), in document order. */
export function tagAttributes(html: string): TagAttribute[] {
  return attributesOf(elementsOf(html));
}

function attributesOf(elements: readonly Element[]): TagAttribute[] {
  return elements.flatMap((element) =>
    element.attrs.map((a) => ({ tag: element.tagName, name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value })),
  );
}

/** The inline event handler attributes (`on…=`) in `html`, as `tag on…="…"`. */
export function findInlineEventHandlers(html: string): string[] {
  return eventHandlersOf(elementsOf(html));
}

function eventHandlersOf(elements: readonly Element[]): string[] {
  return attributesOf(elements)
    .filter((a) => /^on[a-z]+$/.test(a.name))
    .map((a) => `<${a.tag} ${a.name}="${a.value}">`);
}

/** The inline code of a page that its policy must allow. */
export interface InlineCode {
  /** Bodies of `<script>` elements without `src` that the browser would run. */
  scripts: string[];
  /** Bodies of `<style>` elements. */
  styles: string[];
  /** Values of `style` attributes. */
  styleAttributes: string[];
}

/** Script types that are data blocks, not code: never run, so no hash is needed. */
const DATA_BLOCK = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

/** Collects the inline scripts, style elements and style attributes of `html`. */
export function inlineCode(html: string): InlineCode {
  return inlineCodeOf(elementsOf(html));
}

function inlineCodeOf(elements: readonly Element[]): InlineCode {
  const scripts = elements
    .filter((e) => e.tagName === 'script' && attribute(e, 'src') === undefined && !DATA_BLOCK.test(attribute(e, 'type') ?? ''))
    .map(rawText);
  const styles = elements.filter((e) => e.tagName === 'style').map(rawText);
  const styleAttributes = elements.flatMap((e) => {
    const style = attribute(e, 'style');
    return style === undefined ? [] : [style];
  });
  return { scripts, styles, styleAttributes };
}

const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

/** The policy (the `content` of the meta) for a page with `code` inline. */
export function policyFor(code: InlineCode): string {
  const scriptHashes = unique(code.scripts.map(sha256Source));
  const styleHashes = unique([...code.styles, ...code.styleAttributes].map(sha256Source));
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes]],
    // 'unsafe-hashes' lets the hashes cover style attributes (Starlight sets
    // icon sizes and nav depths that way); it allows only those exact values.
    ['style-src', ["'self'", ...(code.styleAttributes.length > 0 ? ["'unsafe-hashes'"] : []), ...styleHashes]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Where the policy goes in the page's text: right after `<meta charset>`, or
 * else before the first element of the `<head>` (its offset, from the tree's
 * positions).
 */
function policyPlace(elements: readonly Element[]): number | undefined {
  const charset = elements.find((e) => e.tagName === 'meta' && attribute(e, 'charset') !== undefined);
  if (charset) return charset.sourceCodeLocation?.endOffset;
  return elements.find((e) => e.tagName === 'head')?.childNodes[0]?.sourceCodeLocation?.startOffset;
}

/** A page's policy as a `<meta>`, and the offset in the page's text it goes at. */
export interface PolicyInsertion {
  at: number;
  meta: string;
}

/**
 * Where and what `html`'s policy is: the first element after `<meta charset>`
 * (a policy only governs what follows it). Throws on an inline event handler,
 * and on a page that already has a policy: a second one would only narrow the
 * first, and a build that runs twice over its output is a mistake.
 */
export function policyInsertion(html: string, file = 'page'): PolicyInsertion {
  const elements = elementsOf(html);
  const handlers = eventHandlersOf(elements);
  if (handlers.length > 0) throw new Error(`${file}: inline event handlers are not allowed: ${handlers.join(', ')}`);
  const policies = elements.filter((e) => e.tagName === 'meta' && (attribute(e, 'http-equiv') ?? '').trim().toLowerCase() === CSP_HTTP_EQUIV.toLowerCase());
  if (policies.length > 0) throw new Error(`${file}: already has a policy`);
  const meta = `<meta http-equiv="${CSP_HTTP_EQUIV}" content="${policyFor(inlineCodeOf(elements))}">`;
  const at = policyPlace(elements);
  if (at === undefined) throw new Error(`${file}: no <meta charset> or <head> to put the policy in`);
  return { at, meta };
}

/** `html` with `insertion` made. */
export function withPolicy(html: string, { at, meta }: PolicyInsertion): string {
  return html.slice(0, at) + meta + html.slice(at);
}

/** `html` with its policy (`policyInsertion`); throws as that does. */
export function withContentSecurityPolicy(html: string, file = 'page'): string {
  return withPolicy(html, policyInsertion(html, file));
}
