/**
 * Reading the EPUB's files (the package document, the XHTML content and
 * navigation documents) as XML trees (xast): elements by qualified name
 * (`dc:title`, `section`), attributes as written (`epub:type`), text with
 * references decoded.
 */
import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toString } from 'xast-util-to-string';

/** `xml` as a tree. */
export function xmlTree(xml: string): Root {
  return fromXml(xml);
}

/** The elements under `node` named `name` (as written, prefix included; `*` any), in document order, those that pass `test` only. */
export function xmlElements(node: Root | Element, name: string, test: (element: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && (name === '*' || n.name === name) && test(n)) out.push(n);
    if (n.type === 'element' || n.type === 'root') n.children.forEach(walk);
  };
  node.children.forEach(walk);
  return out;
}

/** A test that an element's attributes include every one of `attributes`. */
export const having =
  (attributes: Record<string, string>) =>
  (element: Element): boolean =>
    Object.entries(attributes).every(([name, value]) => element.attributes[name] === value);

/** The text of `node`. */
export const xmlText = (node: Element | Root): string => toString(node);
