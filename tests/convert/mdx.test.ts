/** The generated MDX: built as a tree, serialised by remark, and safe for any prose. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Root, RootContent } from 'mdast';
import { TABLE_COMPONENTS, planToMdxPages, serializeMdxPage } from '../../src/convert/build-mdx.ts';
import { convertPlan } from '../../src/convert/convert-plan.ts';
import { chapterText, partText, blocksText } from '../../src/convert/plan-text.ts';
import { inlineText } from '../../src/convert/inline-text.ts';
import type { Block } from '../../src/convert/model.ts';
import { indicators as indicatorsTable } from '../helpers/curated-tables.ts';
import { curatedTablePageRows } from '../../src/site/plan/page-locations.ts';
import { boxMentions, corrections, decisions, plan, sourceText } from '../helpers/real-plan.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

/** Parses generated MDX (frontmatter cut off) into a tree without positions or parser data. */
function parseBack(mdx: string): Root {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = parser.parse(body) as Root;
  return JSON.parse(JSON.stringify(tree, (k, v) => (k === 'position' || k === 'data' ? undefined : v)));
}

/**
 * The text a reader gets from a parsed page: text nodes, plus the label and
 * title a Box shows as its heading; markers and imports carry none.
 */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  const own =
    node.type === 'mdxJsxFlowElement' && node.name === 'Box'
      ? node.attributes.map((a) => (a.type === 'mdxJsxAttribute' && (a.name === 'label' || a.name === 'title') ? String(a.value) : '')).join('')
      : '';
  return own + ('children' in node ? (node.children as RootContent[]).map(textOf).join('') : '');
}

const pages = planToMdxPages(plan, { boxMentions });
/** Row → printed page of the indicators table, as its component reads them from the model. */
const indicatorPageRows = curatedTablePageRows(plan, 'indicators', indicatorsTable.pageBreaks);

/** Each page serialised and parsed back once, for every test that reads it (none changes the tree). */
const parsedPages = new Map<(typeof pages)[number], Root>();
const parsedPage = (page: (typeof pages)[number]): Root => {
  if (!parsedPages.has(page)) parsedPages.set(page, parseBack(serializeMdxPage(page)));
  return parsedPages.get(page)!;
};

/** The raw text of the curated tables among `blocks`: the pages render the curated cells instead. */
const rawTableText = (blocks: readonly Block[]) =>
  blocks.map((b) => (b.kind === 'table' ? inlineText(b.raw) : '')).join('');

const attribute = (node: { attributes: unknown[] }, name: string): string | undefined =>
  (node.attributes as { type: string; name: string; value: unknown }[]).find((a) => a.type === 'mdxJsxAttribute' && a.name === name)
    ?.value as string | undefined;

describe('generated MDX of the real plan', () => {
  it('is one page per 篇 and per 章, at the contract paths', () => {
    expect(pages).toHaveLength(14 + 54);
    expect(pages.map((p) => p.path)).toContain('part-5/chapter-2.mdx');
    expect(pages.find((p) => p.path === 'part-5/chapter-2.mdx')!.frontmatter.title).toBe(
      '第五篇 第二章 加快建设“三城一区”主平台和中关村示范区主阵地',
    );
  });

  it('parses back to exactly the tree it was serialised from, for every page', () => {
    for (const page of pages) {
      const expected = JSON.parse(JSON.stringify(page.tree));
      expect(parsedPage(page), page.path).toEqual(expected);
    }
  });

  it('carries exactly the text of its 篇 or 章 (headings of the page itself and the curated tables aside)', () => {
    for (const page of pages) {
      const part = plan.parts[page.frontmatter.plan.part - 1]!;
      const got = textOf(parsedPage(page));
      if (page.frontmatter.plan.kind === 'part') {
        expect(got, page.path).toBe(blocksText(part.intro));
        expect(partText(part)).toContain(got);
      } else {
        const chapter = part.chapters[page.frontmatter.plan.chapter - 1]!;
        const tables = [chapter.intro, ...chapter.sections.map((s) => s.blocks)].map(rawTableText).join('');
        expect(chapter.label + chapter.title + got, page.path).toBe(chapterText(chapter).replace(tables, ''));
      }
    }
  });

  it('marks printed pages 1–215 once each across the pages (page 14 on the indicators table); 216–218 begin in the appendix', () => {
    const seen: number[] = [];
    for (const page of pages) {
      visit(parsedPage(page), (n) => {
        if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'PageMarker') {
          seen.push(Number(attribute(n, 'page')));
        }
        if (n.type === 'mdxJsxFlowElement' && n.name === TABLE_COMPONENTS.indicators) {
          // The component marks the pages the model begins inside the table on their rows.
          seen.push(...indicatorPageRows.values());
        }
      });
    }
    expect(seen).toEqual(Array.from({ length: 215 }, (_, i) => i + 1));
  });

  it('replaces the raw indicators table of 第一篇第三章 by the curated table, page 14 beginning in it', () => {
    const tables: { path: string; attributes: number; children: number }[] = [];
    for (const page of pages) {
      visit(parsedPage(page), (n) => {
        if (n.type === 'mdxJsxFlowElement' && (n.name === TABLE_COMPONENTS.indicators || n.name === TABLE_COMPONENTS.packages)) {
          tables.push({ path: page.path, attributes: n.attributes.length, children: n.children.length });
        }
      });
    }
    expect(tables).toEqual([{ path: 'part-1/chapter-3.mdx', attributes: 0, children: 0 }]);
    expect([...indicatorPageRows.values()]).toEqual([14]);
  });

  it('links the mentions of five boxes’ programs in the text to their boxes, and each box back', () => {
    const found: { path: string; href: string; id: string; text: string }[] = [];
    const backs = new Map<string, string>();
    for (const page of pages) {
      visit(parsedPage(page), (n) => {
        if (n.type === 'mdxJsxTextElement' && n.name === 'a') {
          found.push({ path: page.path, href: attribute(n, 'href')!, id: attribute(n, 'id')!, text: textOf(n) });
        }
        if (n.type === 'mdxJsxFlowElement' && n.name === 'Box' && attribute(n, 'mentions')) {
          backs.set(`box-${attribute(n, 'n')}`, attribute(n, 'mentions')!);
        }
      });
    }
    expect(found).toEqual([
      { path: 'part-5/chapter-3.mdx', href: '#box-3', id: 'box-3-mention-1', text: '小微企业协同创新星火计划' },
      { path: 'part-6/chapter-4.mdx', href: '#box-4', id: 'box-4-mention-1', text: '京津冀传统产业升级赋能计划' },
      { path: 'part-7/chapter-3.mdx', href: '#box-5', id: 'box-5-mention-1', text: '数字经济伙伴计划' },
      { path: 'part-7/chapter-4.mdx', href: '#box-6', id: 'box-6-mention-1', text: '雁阵培育计划' },
      { path: 'part-9/chapter-3.mdx', href: '#box-7', id: 'box-7-mention-1', text: '低碳领跑者计划' },
    ]);
    expect(Object.fromEntries(backs)).toEqual({
      'box-3': 'box-3-mention-1',
      'box-4': 'box-4-mention-1',
      'box-5': 'box-5-mention-1',
      'box-6': 'box-6-mention-1',
      'box-7': 'box-7-mention-1',
    });
  });
});

describe('hostile prose', () => {
  const hostile = '<script>alert(1)</script>{process.exit()}';
  const injected = sourceText.replace('新版城市总体规划绘就新蓝图。', `新版城市总体规划绘就新蓝图${hostile}<!-- x -->。`);
  const page = planToMdxPages(convertPlan(injected, { corrections, decisions }).plan).find((p) => p.path === 'part-1/chapter-1.mdx')!;
  const mdx = serializeMdxPage(page);

  it('comes out of the whole path as plain text, never as code or markup', () => {
    const tree = parseBack(mdx);
    expect(textOf(tree)).toContain(`新版城市总体规划绘就新蓝图${hostile}<!-- x -->。`);
    const kinds = new Set<string>();
    visit(tree, (n) => {
      kinds.add(n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement' ? `${n.type}:${n.name}` : n.type);
    });
    expect([...kinds].filter((k) => /script|Expression|html/i.test(k))).toEqual([]);
    expect(kinds.has('mdxjsEsm')).toBe(true); // the component imports, and nothing else
    const esm: string[] = [];
    visit(tree, 'mdxjsEsm', (n) => {
      esm.push(n.value);
    });
    expect(esm).toHaveLength(1);
  });
});
