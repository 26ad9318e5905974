/**
 * Remark plugin: gives every section heading of a chapter (`## 一、指导思想`)
 * the id `section-K`, K being the arabic value of its leading Chinese numeral.
 *
 * github-slugger would derive unstable ids from the Chinese text; these ids are
 * part of the URL contract (`/part-N/chapter-M/#section-K`), so they are set
 * explicitly through `data.hProperties.id`, which Astro keeps.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionId } from '../site-paths';
import { parseChineseNumeral } from '../../convert/chinese-numerals.ts';

/**
 * The section number of a heading text like `三、搞活未来科学城` (3), or null
 * when the text does not start with a Chinese numeral followed by `、`.
 */
export function sectionNumber(headingText: string): number | null {
  const match = /^([一二三四五六七八九十]+)、/u.exec(headingText.trim());
  return match ? parseChineseNumeral(match[1]!) : null;
}

function visitHeadings(nodes: readonly RootContent[], onHeading: (heading: Heading) => void): void {
  for (const node of nodes) {
    if (node.type === 'heading') onHeading(node);
    if ('children' in node) visitHeadings(node.children as RootContent[], onHeading);
  }
}

/**
 * The plugin (use as `remarkPlugins: [remarkSectionIds]`). Only level-2
 * headings with a numbered title are touched; an id already set is kept.
 */
export default function remarkSectionIds(): (tree: Root) => void {
  return (tree) => {
    visitHeadings(tree.children, (heading) => {
      if (heading.depth !== 2) return;
      const n = sectionNumber(toString(heading));
      if (n === null) return;
      heading.data ??= {};
      heading.data.hProperties ??= {};
      heading.data.hProperties.id ??= sectionId(n);
    });
  };
}
