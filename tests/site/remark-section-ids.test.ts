/**
 * Section ids (`section-K`) from the Chinese numeral of `## 一、…` headings,
 * run through a real remark pipeline as Astro would.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkSectionIds, { sectionNumber } from '../../src/site/integrations/remark-section-ids';
import { parseChineseNumeral } from '../../src/convert/chinese-numerals.ts';

function headingIds(markdown: string): (string | undefined)[] {
  const processor = unified().use(remarkParse).use(remarkSectionIds);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
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

describe('sectionNumber', () => {
  it('reads the leading numeral before 、', () => {
    expect(sectionNumber('三、搞活未来科学城')).toBe(3);
    expect(sectionNumber('十二、某节')).toBe(12);
  });
  it('ignores headings without a numbered label', () => {
    expect(sectionNumber('专栏7低碳领跑者计划')).toBeNull();
    expect(sectionNumber('第二章把握发展新阶段')).toBeNull();
    expect(sectionNumber('一是加强')).toBeNull();
  });
});

describe('remarkSectionIds', () => {
  it('gives each numbered h2 the id section-K', () => {
    expect(headingIds('## 一、指导思想\n\n正文\n\n## 二、主要目标\n\n## 十、其他\n')).toEqual([
      'section-1',
      'section-2',
      'section-10',
    ]);
  });
  it('leaves other headings and levels alone', () => {
    expect(headingIds('## 序言\n\n### 一、子项\n\n# 一、标题\n')).toEqual([undefined, undefined, undefined]);
  });
});
