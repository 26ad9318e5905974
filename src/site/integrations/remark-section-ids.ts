/**
 * Remark plugin: gives every section heading of a chapter page (`## 一、指导思想`)
 * the id `section-K` of the URL contract, K being the model's number of that
 * section (`Section.n`, which the converter read from the 目录): the page's
 * frontmatter names its chapter (`plan: { kind: 'chapter', part, chapter }`),
 * and a level-2 heading whose text is one of its sections' numbering and title
 * gets that section's id. The number is never parsed back from the heading.
 *
 * github-slugger would derive unstable ids from the Chinese text; these ids are
 * part of the URL contract (`/part-N/chapter-M/#section-K`), so they are set
 * explicitly through `data.hProperties.id`, which Astro keeps.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plan } from '../../convert/model';
import { sectionId } from '../site-paths';

/** What Astro's Markdown and MDX pipelines put in a page's file data: its frontmatter. */
interface AstroFileData {
  astro?: { frontmatter?: { plan?: { kind?: string; part?: number; chapter?: number } } };
}

function visitHeadings(nodes: readonly RootContent[], onHeading: (heading: Heading) => void): void {
  for (const node of nodes) {
    if (node.type === 'heading') onHeading(node);
    if ('children' in node) visitHeadings(node.children as RootContent[], onHeading);
  }
}

/**
 * Each chapter's section ids by heading text (numbering and title), keyed
 * `part/chapter`: what the plugin needs of the model. Astro stores the
 * Markdown options, this table included, in its content cache, which is
 * bundled into the server build: the whole model there was 180 KB that Rollup
 * parsed for nothing (issue 13: build time).
 */
export type ChapterSectionIds = Record<string, Record<string, string>>;

const chapterKey = (part: number, chapter: number): string => `${part}/${chapter}`;

export function chapterSectionIds(plan: Plan): ChapterSectionIds {
  const table: ChapterSectionIds = {};
  for (const part of plan.parts) {
    for (const chapter of part.chapters) {
      table[chapterKey(part.n, chapter.n)] = Object.fromEntries(chapter.sections.map((s) => [s.label + s.title, sectionId(s.n)]));
    }
  }
  return table;
}

/**
 * The plugin (use as `remarkPlugins: [[remarkSectionIds, chapterSectionIds(plan)]]`).
 * Only level-2 headings of a chapter page whose text is a section's are
 * touched; an id already set is kept.
 */
export default function remarkSectionIds(sections: ChapterSectionIds): (tree: Root, file: { data: AstroFileData }) => void {
  return (tree, file) => {
    const page = file.data.astro?.frontmatter?.plan;
    if (page?.kind !== 'chapter' || page.part === undefined || page.chapter === undefined) return;
    const key = chapterKey(page.part, page.chapter);
    if (!Object.hasOwn(sections, key)) return;
    const ids = sections[key];
    visitHeadings(tree.children, (heading) => {
      const text = toString(heading);
      const id = heading.depth === 2 && Object.hasOwn(ids, text) ? ids[text] : undefined;
      if (id === undefined) return;
      heading.data ??= {};
      heading.data.hProperties ??= {};
      heading.data.hProperties.id ??= id;
    });
  };
}
