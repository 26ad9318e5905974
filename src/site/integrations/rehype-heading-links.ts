/**
 * Rehype plugin: every heading of an MDX page that has an id gets the
 * heading chrome of heading-chrome.ts (self-link; for a section heading,
 * `section-K`, its 引用 control). Starlight's own heading links add hidden
 * text, which is why `markdown.headingLinks` is off.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeSlug from 'rehype-slug';
import { citeButtonLabel } from '../cite/citation';
import { wrapHeading as wrapWithChrome } from '../heading-chrome';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SECTION_ID = /^section-\d+$/;

/** The chrome of a heading element of an MDX page (which must have an id). */
export function wrapHeading(heading: Element): Element {
  const id = String(heading.properties.id);
  const cite = SECTION_ID.test(id) ? { key: id, label: citeButtonLabel('section', toString(heading).trim()) } : undefined;
  return wrapWithChrome(heading, { cite });
}

function isHeadingWithId(node: RootContent): node is Element {
  return (
    node.type === 'element' &&
    HEADING_TAGS.has(node.tagName) &&
    typeof node.properties.id === 'string' &&
    node.properties.id !== ''
  );
}

function transformChildren(parent: { children: RootContent[] }): void {
  parent.children = parent.children.map((child) => {
    if (isHeadingWithId(child)) return wrapHeading(child);
    if ('children' in child) transformChildren(child as { children: RootContent[] });
    return child;
  });
}

/** The plugin: wraps each heading that has an id. */
export default function rehypeHeadingLinks(): (tree: Root) => void {
  return (tree) => transformChildren(tree);
}

/**
 * The rehype plugins of every Markdown/MDX page, in order — the one place
 * headings get ids and chrome: the contract's own ids (`section-K`, set by
 * remark-section-ids.ts) stay; rehype-slug names every other heading (prose
 * pages), leaving alone a heading that has an id; then each gets its chrome.
 */
export const HEADING_REHYPE_PLUGINS = [rehypeSlug, rehypeHeadingLinks] as const;
