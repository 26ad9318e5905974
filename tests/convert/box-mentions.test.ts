/** Mentions of a box's program in the text become links to the box, and nothing else changes. */
import { describe, expect, it } from 'vitest';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { boxMentionRules, linkBoxMentions, type BoxMentionRule } from '../../src/convert/box-mentions.ts';
import { planBoxes, planToMdxPages } from '../../src/convert/build-mdx.ts';
import { blocksText } from '../../src/convert/plan-text.ts';
import type { Block } from '../../src/convert/model.ts';
import { boxMentions, plan } from '../helpers/real-plan.ts';

const text = (value: string): RootContent => ({ type: 'text', value }) as RootContent;
const para = (...children: RootContent[]): RootContent => ({ type: 'paragraph', children }) as RootContent;
const box = (n: number, ...children: RootContent[]): RootContent =>
  ({
    type: 'mdxJsxFlowElement',
    name: 'Box',
    attributes: [{ type: 'mdxJsxAttribute', name: 'n', value: String(n) }],
    children,
  }) as RootContent;
const root = (...children: RootContent[]): Root => ({ type: 'root', children }) as Root;

const rules: BoxMentionRule[] = [
  { box: 6, phrase: '产业雁阵培育计划' },
  { box: 6, phrase: '雁阵培育计划' },
  { box: 7, phrase: '低碳领跑者计划' },
];

/** The links of a tree as [href, id, text]. */
function links(tree: Root): [string, string, string][] {
  const out: [string, string, string][] = [];
  visit(tree, 'mdxJsxTextElement', (n) => {
    if (n.name !== 'a') return;
    const attr = (name: string) => n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string;
    out.push([attr('href'), attr('id'), toString(n)]);
  });
  return out;
}

function mentionsOf(tree: Root, n: number): string | undefined {
  let found: string | undefined;
  visit(tree, 'mdxJsxFlowElement', (node) => {
    const attrs = node.attributes as { name: string; value: string }[];
    if (node.name === 'Box' && attrs.some((a) => a.name === 'n' && a.value === String(n))) {
      found = attrs.find((a) => a.name === 'mentions')?.value;
    }
  });
  return found;
}

describe('linkBoxMentions', () => {
  it('links each mention outside the box to #box-N with its own id, and lists the ids on the box', () => {
    const tree = root(
      para(text('实施雁阵培育计划，再实施产业雁阵培育计划。')),
      box(6, para(text('产业雁阵培育计划的内容。'))),
      para(text('又提到雁阵培育计划。')),
    );
    const out = linkBoxMentions(tree, rules);
    expect(links(out)).toEqual([
      ['#box-6', 'box-6-mention-1', '雁阵培育计划'],
      ['#box-6', 'box-6-mention-2', '产业雁阵培育计划'],
      ['#box-6', 'box-6-mention-3', '雁阵培育计划'],
    ]);
    expect(mentionsOf(out, 6)).toBe('box-6-mention-1 box-6-mention-2 box-6-mention-3');
    expect(toString(out)).toBe(toString(tree));
  });

  it('leaves the input tree untouched', () => {
    const tree = root(para(text('研究低碳领跑者计划。')), box(7));
    const before = structuredClone(tree);
    linkBoxMentions(tree, rules);
    expect(tree).toEqual(before);
  });

  it('links nothing for a box that is not on the page, nor inside boxes, headings or links', () => {
    const heading = { type: 'heading', depth: 2, children: [text('低碳领跑者计划')] } as RootContent;
    const link = {
      type: 'mdxJsxTextElement',
      name: 'a',
      attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '#x' }],
      children: [text('低碳领跑者计划')],
    } as RootContent;
    const tree = root(heading, para(link), para(text('实施雁阵培育计划。')), box(7, para(text('低碳领跑者计划。'))));
    const out = linkBoxMentions(tree, rules);
    expect(links(out)).toEqual([['#x', undefined, '低碳领跑者计划']]);
    expect(mentionsOf(out, 7)).toBeUndefined();
  });

  it('finds a mention inside bold text', () => {
    const strong = { type: 'mdxJsxTextElement', name: 'strong', attributes: [], children: [text('研究低碳领跑者计划。')] } as RootContent;
    const out = linkBoxMentions(root(para(strong), box(7)), rules);
    expect(links(out)).toEqual([['#box-7', 'box-7-mention-1', '低碳领跑者计划']]);
  });

  it('refuses a short form for a box the plan does not have', () => {
    expect(() => boxMentionRules([{ n: 1, title: '甲计划' }], { shortForms: [{ box: 2, phrase: '乙计划', reason: 'a reason long enough' }], notMentions: [] })).toThrow(/专栏2/);
  });
});

describe('box mentions in the real plan', () => {
  const realRules = boxMentionRules(planBoxes(plan), boxMentions);
  const pages = planToMdxPages(plan, { boxMentions });

  /** The text outside boxes of every 篇 and 章 page, straight from the model. */
  const pageTexts = plan.parts.flatMap((part) => [
    { path: `part-${part.n}/index.mdx`, blocks: part.intro },
    ...part.chapters.map((c) => ({ path: `part-${part.n}/chapter-${c.n}.mdx`, blocks: [...c.intro, ...c.sections.flatMap((s) => s.blocks)] })),
  ]);
  const outside = (blocks: readonly Block[]) => blocks.filter((b) => b.kind !== 'box').map((b) => blocksText([b])).join('\n');
  const boxPage = (n: number) => pageTexts.find((p) => p.blocks.some((b) => b.kind === 'box' && b.n === n))!.path;
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

  it('names programs only on the page of their box, so a same-page link reaches every mention', () => {
    for (const { path, blocks } of pageTexts) {
      for (const rule of realRules) {
        if (count(outside(blocks), rule.phrase) > 0) expect(path, rule.phrase).toBe(boxPage(rule.box));
      }
    }
  });

  it('links every occurrence of a program’s name outside its box, and nothing more', () => {
    for (const page of pages) {
      const expected = pageTexts.find((p) => p.path === page.path)!;
      // Overlapping phrases count once: the longest is linked.
      const byLongest = [...realRules].sort((a, b) => b.phrase.length - a.phrase.length);
      let rest = outside(expected.blocks);
      let occurrences = 0;
      for (const rule of byLongest) {
        occurrences += count(rest, rule.phrase);
        rest = rest.replaceAll(rule.phrase, '\u0000');
      }
      expect(links(page.tree).length, page.path).toBe(occurrences);
    }
  });

  it('never links a reviewed non-mention such as 建设“书香北京”', () => {
    expect(boxMentions.notMentions.map((m) => m.phrase)).toContain('建设“书香北京”');
    const all = pages.flatMap((p) => links(p.tree).map(([, , t]) => t));
    for (const non of boxMentions.notMentions) {
      const page = pageTexts.find((p) => outside(p.blocks).includes(non.phrase));
      expect(page, `${non.phrase} is in the text`).toBeDefined();
      expect(all.some((t) => non.phrase.includes(t) || t.includes(non.phrase))).toBe(false);
    }
  });
});
