/**
 * Section ids (`section-K`) from the model: a chapter page's level-2 headings
 * that are its sections' numbering and title, run through a real remark
 * pipeline as Astro would (the frontmatter in the file's data).
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import remarkSectionIds, { chapterSectionIds } from '../../src/site/integrations/remark-section-ids';
import { parseChineseNumeral } from '../../src/convert/chinese-numerals.ts';

/** A plan of one chapter (篇 1, 章 2) with sections 1, 2 and 10. */
const plan = {
  parts: [
    {
      n: 1,
      chapters: [
        {
          n: 2,
          sections: [
            { n: 1, label: '一、', title: '指导思想' },
            { n: 2, label: '二、', title: '主要目标' },
            { n: 10, label: '十、', title: '其他' },
          ],
        },
      ],
    },
  ],
} as unknown as Plan;

function headingIds(markdown: string, page: object = { kind: 'chapter', part: 1, chapter: 2 }): (string | undefined)[] {
  const processor = unified().use(remarkParse).use(remarkSectionIds, chapterSectionIds(plan));
  const tree = processor.runSync(processor.parse(markdown), { data: { astro: { frontmatter: { plan: page } } } }) as Root;
  return tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((heading) => heading.data?.hProperties?.id as string | undefined);
}

describe('parseChineseNumeral', () => {
  it('reads the numerals the plan uses', () => {
    expect(['一', '九', '十', '十一', '十四', '二十', '二十三'].map(parseChineseNumeral)).toEqual([1, 9, 10, 11, 14, 20, 23]);
  });
  it('rejects anything else', () => {
    expect(['', '零', '十十', '一二', '百', '5'].map(parseChineseNumeral)).toEqual([null, null, null, null, null, null]);
  });
});

describe('remarkSectionIds', () => {
  it('gives each section heading of a chapter page the id section-K of its number in the model', () => {
    expect(headingIds('## 一、指导思想\n\n正文\n\n## 二、主要目标\n\n## 十、其他\n')).toEqual([
      'section-1',
      'section-2',
      'section-10',
    ]);
  });
  it('leaves other headings and levels alone', () => {
    expect(headingIds('## 序言\n\n### 一、指导思想\n\n# 一、指导思想\n\n## 三、不是本章的节\n')).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('touches no heading outside a chapter page, or of a chapter the model lacks', () => {
    expect(headingIds('## 一、指导思想\n', { kind: 'part', part: 1 })).toEqual([undefined]);
    expect(headingIds('## 一、指导思想\n', { kind: 'chapter', part: 1, chapter: 3 })).toEqual([undefined]);
  });
});
