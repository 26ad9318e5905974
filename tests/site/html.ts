/**
 * Just enough HTML reading for checks on the built site: Astro's output is
 * well-formed, so a tag scanner with an element stack is sufficient.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIPPED = new Set(['script', 'style', 'template', 'svg']);

/** Decodes the character references Astro emits. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower]!;
  });
}

/**
 * The text a reader can copy from `html`: text nodes, leaving out scripts,
 * styles, SVG and every element marked `data-nontext` (site text), and with
 * `skipCurated` the curated tables (`data-curated-table`), whose cells are
 * checked on their own.
 */
export function visibleText(html: string, options: { skipCurated?: boolean } = {}): string {
  const stack: { tag: string; hidden: boolean }[] = [];
  let out = '';
  const token = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const match of html.matchAll(token)) {
    const [, closing, opening, attrs = '', text] = match;
    const hidden = stack.at(-1)?.hidden ?? false;
    if (text !== undefined) {
      if (!hidden) out += decodeEntities(text);
    } else if (opening) {
      const tag = opening.toLowerCase();
      if (VOID.has(tag) || attrs.trimEnd().endsWith('/')) continue;
      const curated = options.skipCurated === true && /\sdata-curated-table(?=[\s=>]|$)/.test(attrs);
      stack.push({ tag, hidden: hidden || curated || SKIPPED.has(tag) || /\sdata-nontext(?=[\s=>]|$)/.test(attrs) });
    } else if (closing) {
      const tag = closing.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    }
  }
  return out;
}

/** The `<main>` element of a page (Starlight pages have exactly one). */
export function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) throw new Error('page has no <main>');
  return html.slice(start, end + '</main>'.length);
}

/** Every id attribute value in `html`, in document order. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Values of attribute `name` on any element, in document order. */
export function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]!));
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
  const start = html.search(new RegExp(`<[a-z]+[^>]*\\sdata-curated-table="${name}"`));
  if (start < 0) return [];
  const tag = /^<([a-z]+)/.exec(html.slice(start))![1]!;
  // Astro's output is well-formed: find the element's end by counting its tag.
  const token = new RegExp(`<(/?)${tag}(?=[\\s>])[^>]*>`, 'g');
  token.lastIndex = start;
  let depth = 0;
  let end = html.length;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  const element = html.slice(start, end);
  return [...element.matchAll(/<(th|td|caption|p)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => visibleText(m[2]!).trim());
}
