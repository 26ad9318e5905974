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

/** Name of the http-equiv the policy is delivered with. */
export const CSP_HTTP_EQUIV = 'Content-Security-Policy';

const INLINE_SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_ELEMENT = /<style\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)<\/style\s*>/gi;
/** A start tag; attributes are read from its inside only, never from text or scripts. */
const START_TAG = /<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** `'sha256-…'` source expression of `text` (hashed as UTF-8, as browsers do). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Decodes the character references that can occur in attribute values Astro emits. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower]!;
  });
}

/** `html` with the contents of scripts, styles and comments blanked, so tag scans see markup only. */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
}

/** One attribute of one start tag. */
export interface TagAttribute {
  tag: string;
  name: string;
  value: string;
}

/** Every attribute of every start tag in `html` (values decoded), in document order. */
export function tagAttributes(html: string): TagAttribute[] {
  const found: TagAttribute[] = [];
  for (const tag of markupOnly(html).matchAll(START_TAG)) {
    for (const attr of tag[2]!.matchAll(ATTRIBUTE)) {
      const raw = attr[2] ?? attr[3] ?? attr[4] ?? '';
      found.push({ tag: tag[1]!.toLowerCase(), name: attr[1]!.toLowerCase(), value: decodeAttribute(raw) });
    }
  }
  return found;
}

/** The inline event handler attributes (`on…=`) in `html`, as `tag on…="…"`. */
export function findInlineEventHandlers(html: string): string[] {
  return tagAttributes(html)
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
  const scripts: string[] = [];
  for (const match of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(INLINE_SCRIPT)) {
    const attrs = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (DATA_BLOCK.test(type)) continue;
    scripts.push(match[2]!);
  }
  const styles = [...html.matchAll(STYLE_ELEMENT)].map((m) => m[1]!);
  const styleAttributes = tagAttributes(html)
    .filter((a) => a.name === 'style')
    .map((a) => a.value);
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
 * `html` with its policy as the first element after `<meta charset>` (a
 * policy only governs what follows it). Throws on an inline event handler, and
 * on a page that already has a policy: a second one would only narrow the
 * first, and a build that runs twice over its output is a mistake.
 */
export function withContentSecurityPolicy(html: string, file = 'page'): string {
  const handlers = findInlineEventHandlers(html);
  if (handlers.length > 0) throw new Error(`${file}: inline event handlers are not allowed: ${handlers.join(', ')}`);
  if (new RegExp(`http-equiv="${CSP_HTTP_EQUIV}"`, 'i').test(html)) throw new Error(`${file}: already has a policy`);
  const meta = `<meta http-equiv="${CSP_HTTP_EQUIV}" content="${policyFor(inlineCode(html))}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error(`${file}: no <head> to put the policy in`);
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}
