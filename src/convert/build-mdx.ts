import type { Root, RootContent, PhrasingContent, Paragraph as MdParagraph, List } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { unified } from 'unified';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import type { Block, Box, Chapter, Inline, Part, Plan, Table } from './model.ts';
import { boxMentionRules, linkBoxMentions } from './box-mentions.ts';
import { NO_BOX_MENTIONS, type BoxMentionsData } from '../reviewed/box-mentions.ts';
import { partOpening } from './printed-pages.ts';
import { isBox, planBlocks } from './plan-walk.ts';
import { chapterSlug, partSlug } from '../site/site-paths.ts';

/** The components every generated page imports (see the converter → site contract in the README). */
export const MDX_IMPORTS = [
  "import PageMarker from '@components/PageMarker.astro';",
  "import Box from '@components/Box.astro';",
  "import IndicatorsTable from '@components/IndicatorsTable.astro';",
  "import PackagesTable from '@components/PackagesTable.astro';",
];

/** The component that renders each curated table from `content/data/`. */
export const TABLE_COMPONENTS = { indicators: 'IndicatorsTable', packages: 'PackagesTable' } as const;

/**
 * Where the page of 篇 `part` (no `chapter`) or of its 章 `chapter` is written
 * under `docs/`: Starlight serves `docs/part-5/index.mdx` at `/part-5/` and
 * `docs/part-5/chapter-2.mdx` at `/part-5/chapter-2/`, so the file name is the
 * URL contract's slug.
 */
export function mdxPagePath(part: number, chapter?: number): string {
  return chapter === undefined ? `${partSlug(part)}/index.mdx` : `${chapterSlug(part, chapter)}.mdx`;
}

/** True for a path (relative to `docs/`) that `planToMdxPages` may write. */
export function isMdxPagePath(path: string): boolean {
  const [part, chapter, ...rest] = (path.match(/\d+/g) ?? []).map(Number);
  return part !== undefined && rest.length === 0 && path === mdxPagePath(part, chapter);
}

/** One generated page: its path under `docs/`, its frontmatter and its body tree. */
export interface MdxPage {
  /** Path relative to the output's `docs/` folder, e.g. `part-5/chapter-2.mdx`. */
  path: string;
  frontmatter: { title: string; plan: { kind: 'part'; part: number } | { kind: 'chapter'; part: number; chapter: number } };
  tree: Root;
}

const attr = (name: string, value: string | number): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value: String(value) });

/** `<PageMarker page="P" />` where printed page P begins (footer P−1 stood there). */
function marker(footer: number, flow: true): MdxJsxFlowElement;
function marker(footer: number, flow: false): MdxJsxTextElement;
function marker(footer: number, flow: boolean): MdxJsxFlowElement | MdxJsxTextElement {
  return { type: flow ? 'mdxJsxFlowElement' : 'mdxJsxTextElement', name: 'PageMarker', attributes: [attr('page', footer + 1)], children: [] } as
    | MdxJsxFlowElement
    | MdxJsxTextElement;
}

function phrasing(parts: readonly Inline[]): PhrasingContent[] {
  return parts.map((p) => (typeof p === 'string' ? { type: 'text', value: p } : marker(p.footer, false)));
}

/** `<strong>` as JSX: markdown `**…。**` does not close before a Han character. */
function strong(parts: readonly Inline[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'strong', attributes: [], children: phrasing(parts) };
}

function leadParagraph(lead: readonly Inline[] | null, body: readonly Inline[]): MdParagraph {
  if (!lead) return { type: 'paragraph', children: phrasing(body) };
  // A page that begins right at the lead is marked before the bold, not inside it.
  const first = lead.findIndex((p) => typeof p === 'string');
  return { type: 'paragraph', children: [...phrasing(lead.slice(0, first)), strong(lead.slice(first)), ...phrasing(body)] };
}

/**
 * A curated table in place of the column-interleaved raw text: the component
 * renders the cells from `content/data/` (whose faithfulness to the raw is
 * proved by src/reviewed/table-proofs.ts) and reads from the model where
 * printed pages begin inside it (`curatedTablePageRows`).
 */
function tableElement(b: Table): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name: TABLE_COMPONENTS[b.table], attributes: [], children: [] };
}

/** The mdast of a run of blocks; consecutive `——` targets become one list. */
export function blocksToMdast(blocks: readonly Block[]): RootContent[] {
  const out: RootContent[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(leadParagraph(b.lead, b.body));
    else if (b.kind === 'target') {
      const last = out.at(-1);
      const list: List = last?.type === 'list' ? last : { type: 'list', ordered: false, start: null, spread: false, children: [] };
      if (list !== last) out.push(list);
      list.children.push({ type: 'listItem', spread: false, checked: null, children: [leadParagraph(b.lead, b.body)] });
    } else if (b.kind === 'box') {
      if (b.footerBefore !== null) out.push(marker(b.footerBefore, true));
      const children: MdParagraph[] = [];
      if (b.intro.length) children.push(leadParagraph(null, b.intro));
      for (const item of b.items) children.push(leadParagraph(item.lead, item.body));
      out.push({ type: 'mdxJsxFlowElement', name: 'Box', attributes: [attr('n', b.n), attr('label', b.label), attr('title', b.title)], children });
    } else {
      out.push(tableElement(b));
    }
  }
  return out;
}

/** Every 专栏 box of the plan's parts, in reading order. */
export function planBoxes(plan: Plan): Box[] {
  return [...planBlocks(plan, isBox)].filter((step) => step.part !== null).map((step) => step.node);
}

function pageRoot(children: RootContent[]): Root {
  const esm: MdxjsEsm = { type: 'mdxjsEsm', value: MDX_IMPORTS.join('\n') };
  return { type: 'root', children: [esm, ...children] };
}

/**
 * The MDX pages of the plan: one per 篇 (`part-N/index.mdx`: its
 * introduction) and one per 章 (`part-N/chapter-M.mdx`: its introduction and
 * sections), page markers placed by the rule of printed-pages.ts.
 * Mentions of a box's program in the text of its page link to the box (see
 * `linkBoxMentions`; `boxMentions` holds the reviewed short forms).
 */
export function planToMdxPages(plan: Plan, options: { boxMentions?: BoxMentionsData } = {}): MdxPage[] {
  const rules = boxMentionRules(planBoxes(plan), options.boxMentions ?? NO_BOX_MENTIONS);
  const page = (children: RootContent[]): Root => linkBoxMentions(pageRoot(children), rules);
  const pages: MdxPage[] = [];
  plan.parts.forEach((part: Part, pi) => {
    const opening = partOpening(part, pi);
    let pending: number | null = opening.footer;
    const partChildren: RootContent[] = [];
    if (opening.onPartPage && pending !== null) {
      partChildren.push(marker(pending, true));
      pending = null;
    }
    partChildren.push(...blocksToMdast(part.intro));
    pages.push({ path: mdxPagePath(part.n), frontmatter: { title: `${part.label} ${part.title}`, plan: { kind: 'part', part: part.n } }, tree: page(partChildren) });
    part.chapters.forEach((chapter: Chapter) => {
      const children: RootContent[] = [];
      for (const top of [pending, chapter.footerBefore]) if (top !== null) children.push(marker(top, true));
      pending = null;
      children.push(...blocksToMdast(chapter.intro));
      for (const s of chapter.sections) {
        if (s.footerBefore !== null) children.push(marker(s.footerBefore, true));
        children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: s.label + s.title }] });
        children.push(...blocksToMdast(s.blocks));
      }
      pages.push({
        path: mdxPagePath(part.n, chapter.n),
        frontmatter: { title: `${part.label} ${chapter.label} ${chapter.title}`, plan: { kind: 'chapter', part: part.n, chapter: chapter.n } },
        tree: page(children),
      });
    });
  });
  return pages;
}

const processor = unified().use(remarkMdx).use(remarkStringify, { bullet: '-', rule: '-' });

/**
 * Serialises a page: YAML frontmatter (values JSON-encoded, which YAML reads
 * as double-quoted scalars) and the body tree through remark-stringify with
 * remark-mdx, which escapes prose characters that MDX would take as code.
 */
export function serializeMdxPage(p: MdxPage): string {
  const fm = p.frontmatter;
  const planFields = Object.entries(fm.plan).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`);
  const yaml = ['---', `title: ${JSON.stringify(fm.title)}`, 'plan:', ...planFields, '---'].join('\n');
  return `${yaml}\n\n${processor.stringify(p.tree)}`;
}
