/**
 * The chrome of every heading the site gives a self-link: the wrapper (with
 * Starlight's `sl-heading-wrapper` class, which its table-of-contents
 * highlighter expects), the heading, a self-link after it and, where the spot
 * can be cited, its 引用 control — built once, as hast, for both the MDX pages
 * (rehype-heading-links.ts) and the Astro components (PlanHeading.astro,
 * and HeadingChrome.astro around a heading a page writes itself).
 *
 * The self-link holds no text node: its glyph comes from CSS and its
 * accessible name from `aria-label`, so copying a heading or indexing the page
 * yields the plan's characters only. The 引用 button is site UI
 * (`data-nontext`, `data-pagefind-ignore`) that opens the citation panel
 * (CiteControls.astro).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { CITE_BUTTON_TEXT, CITE_PANEL_ID } from './cite/citation';

/** The accessible name of the self-link of a heading whose text is `headingText`. */
export function headingLinkLabel(headingText: string): string {
  return `本节链接：${headingText}`;
}

/** The 引用 control of a spot: `spot` its key in the page's citation data (`_top`, `box-7`), `label` its accessible name. */
export function citeButton(spot: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['cite-button'],
      dataCite: spot,
      ariaLabel: label,
      ariaExpanded: 'false',
      ariaControls: [CITE_PANEL_ID],
      dataNontext: '',
      dataPagefindIgnore: '',
    },
    children: [{ type: 'text', value: CITE_BUTTON_TEXT }],
  };
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

/** What goes around a heading besides the wrapper and its self-link. */
export interface HeadingChromeOptions {
  /** Target of the self-link; defaults to the heading itself. */
  href?: string;
  /** The 引用 control: the spot's key and the control's accessible name. */
  cite?: { key: string; label: string };
}

/** The classes of the wrapper of an `h${level}` heading. */
export function wrapperClasses(level: number): string[] {
  return ['sl-heading-wrapper', `level-h${level}`, 'plan-heading'];
}

/** What follows heading `id` (whose text is `text`) in its wrapper: the self-link, then the 引用 control if any. */
export function chromeAfter(id: string, text: string, options: HeadingChromeOptions = {}): Element[] {
  return [
    {
      type: 'element',
      tagName: 'a',
      properties: { className: ['self-link'], href: options.href ?? `#${id}`, ariaLabel: headingLinkLabel(text) },
      children: [],
    },
    ...(options.cite ? [citeButton(options.cite.key, options.cite.label)] : []),
  ];
}

/** The wrapper + self-link (+ 引用 control) around a heading element, which must have an id. */
export function wrapHeading(heading: Element, options: HeadingChromeOptions = {}): Element {
  const level = Number(heading.tagName.slice(1));
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: wrapperClasses(level) },
    children: [heading, ...chromeAfter(String(heading.properties.id), textOf(heading).trim(), options)],
  };
}

/** A heading of the plan's numbering and title, as separate spans (CSS sets them apart without adding a character). */
export function planHeadingElement(level: number, id: string, label: string, title: string, attrs: Properties = {}): Element {
  const span = (className: string, value: string): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { className: [className] },
    children: [{ type: 'text', value }],
  });
  return {
    type: 'element',
    tagName: `h${level}`,
    properties: { id, ...attrs },
    children: [...(label ? [span('heading-label', label)] : []), span('heading-title', title)],
  };
}
