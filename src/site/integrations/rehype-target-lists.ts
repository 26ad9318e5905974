/**
 * Rehype plugin: a list whose every item opens with `——` (the plan's target
 * lines, `- <strong>——…</strong>` in the MDX pages) gets the class
 * `plan-targets`, as Blocks.astro gives it on / and /full/, so the dash the
 * plan prints is the line's only mark (plan.css drops the bullet). Only the
 * class changes, never a character.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The class of a list of `——` target lines. */
export const TARGET_LIST_CLASS = 'plan-targets';

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

function isTargetList(node: Element): boolean {
  if (node.tagName !== 'ul') return false;
  const items = node.children.filter((c): c is Element => c.type === 'element');
  return items.length > 0 && items.every((li) => li.tagName === 'li' && textOf(li).trimStart().startsWith('——'));
}

function visit(node: Root | RootContent): void {
  if (node.type === 'element' && isTargetList(node)) {
    const existing: unknown = node.properties.className;
    const classes = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? existing.split(/\s+/) : [];
    if (!classes.includes(TARGET_LIST_CLASS)) node.properties.className = [...classes, TARGET_LIST_CLASS];
  }
  if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
}

export default function rehypeTargetLists() {
  return (tree: Root): void => visit(tree);
}
