/** The generated MDX: built as a tree, serialised by remark, and safe for any prose. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Root, RootContent } from 'mdast';
import { planToMdxPages, serializeMdxPage } from '../../src/convert/build-mdx.ts';
import { convertPlan } from '../../src/convert/convert-plan.ts';
import { chapterText, partText, blocksText } from '../../src/convert/plan-text.ts';
import { corrections, decisions, plan, sourceText } from '../helpers/real-plan.ts';

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

const pages = planToMdxPages(plan);

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
      expect(parseBack(serializeMdxPage(page)), page.path).toEqual(expected);
    }
  });

  it('carries exactly the text of its 篇 or 章 (headings of the page itself aside)', () => {
    for (const page of pages) {
      const part = plan.parts[page.frontmatter.plan.part - 1]!;
      const got = textOf(parseBack(serializeMdxPage(page)));
      if (page.frontmatter.plan.kind === 'part') {
        expect(got, page.path).toBe(blocksText(part.intro));
        expect(partText(part)).toContain(got);
      } else {
        const chapter = part.chapters[page.frontmatter.plan.chapter - 1]!;
        expect(chapter.label + chapter.title + got, page.path).toBe(chapterText(chapter));
      }
    }
  });

  it('marks printed pages 1–215 once each across the pages; 216–218 begin in the appendix', () => {
    const seen: number[] = [];
    for (const page of pages) {
      visit(parseBack(serializeMdxPage(page)), (n) => {
        if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'PageMarker') {
          seen.push(Number(n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'page')!.value));
        }
      });
    }
    expect(seen).toEqual(Array.from({ length: 215 }, (_, i) => i + 1));
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
