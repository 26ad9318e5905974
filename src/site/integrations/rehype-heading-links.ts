/**
 * Rehype plugin: every heading that has an id gets a visible, keyboard
 * reachable link to itself, placed right after it.
 *
 * The link holds no text node: its glyph comes from CSS and its accessible
 * name from `aria-label`, so copying a heading or indexing the page yields the
 * plan's characters only (Starlight's own heading links add hidden text, which
 * is why `markdown.headingLinks` is off). The wrapper keeps Starlight's
 * `sl-heading-wrapper` class, which its table-of-contents highlighter expects.
 * A section heading (`section-K`) also gets its 引用 control, the button of
 * CiteButton.astro (site UI, marked `data-nontext`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CITE_BUTTON_TEXT, CITE_PANEL_ID, citeButtonLabel } from '../cite/citation';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The accessible name of the self-link of a heading whose text is `headingText`. */
export function headingLinkLabel(headingText: string): string {
  return `本节链接：${headingText}`;
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

/** The 引用 control of section heading `id` whose text is `headingText`. */
function citeButton(id: string, headingText: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['cite-button'],
      dataCite: id,
      ariaLabel: citeButtonLabel('section', headingText),
      ariaExpanded: 'false',
      ariaControls: [CITE_PANEL_ID],
      dataNontext: '',
      dataPagefindIgnore: '',
    },
    children: [{ type: 'text', value: CITE_BUTTON_TEXT }],
  };
}

/** The wrapper + self-link (and, for a section, the 引用 control) for a heading element (which must have an id). */
export function wrapHeading(heading: Element): Element {
  const id = String(heading.properties.id);
  const text = textOf(heading).trim();
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['sl-heading-wrapper', `level-${heading.tagName}`, 'plan-heading'] },
    children: [
      heading,
      {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['self-link'],
          href: `#${id}`,
          ariaLabel: headingLinkLabel(text),
        },
        children: [],
      },
      ...(/^section-\d+$/.test(id) ? [citeButton(id, text)] : []),
    ],
  };
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

/** The plugin (use as `rehypePlugins: [rehypeHeadingLinks]`). */
export default function rehypeHeadingLinks(): (tree: Root) => void {
  return (tree) => transformChildren(tree);
}
