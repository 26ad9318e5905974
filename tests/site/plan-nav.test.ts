/**
 * Sidebar, breadcrumbs and table of contents follow the plan's order, and
 * base paths are applied once.
 */
import { describe, expect, it } from 'vitest';
import type { Chapter, Part, Plan } from '../../src/convert/model';
import { breadcrumbs, planSidebar, tableOfContents } from '../../src/site/plan/plan-nav';
import { isPageRedirect, withBase } from '../../src/site/site-paths';

const chapter = (n: number, title: string): Chapter => ({
  n, label: `第${'一二三'[n - 1]}章`, title, page: 1, footerBefore: null, intro: [],
  sections: [{ n: 1, label: '一、', title: '节', page: 1, footerBefore: null, blocks: [] }],
});
const part = (n: number, label: string, title: string, chapters: Chapter[]): Part => ({
  n, label, title, page: 1, footerBefore: null, intro: [], chapters,
});
// Chapters listed out of numeric order: navigation must keep the model's order.
const plan: Plan = {
  title: '纲要',
  approval: '批准',
  preface: { title: '序言', blocks: [] },
  parts: [
    part(5, '第五篇', '加快建设国际科技创新中心', [chapter(2, '乙'), chapter(1, '甲')]),
    part(1, '第一篇', '开启', [chapter(1, '丙')]),
  ],
  appendix: { label: '附表', title: '“十四五”时期重大工程包', page: 216, footerBefore: null, blocks: [] },
};

describe('planSidebar', () => {
  it('has one group per 篇 labelled with numbering and title, in plan order', () => {
    const sidebar = planSidebar(plan);
    const groups = sidebar.filter((item) => 'items' in item);
    expect(groups.map((g) => g.label)).toEqual(['第五篇 加快建设国际科技创新中心', '第一篇 开启']);
    const first = groups[0] as { items: { label: string; slug: string }[] };
    expect(first.items).toEqual([
      { label: '第五篇', slug: 'part-5' },
      { label: '第二章 乙', slug: 'part-5/chapter-2' },
      { label: '第一章 甲', slug: 'part-5/chapter-1' },
    ]);
  });

  it('starts at home and ends with the indicators, the 专栏, the 附表, the one-page edition, the term index and the data', () => {
    const sidebar = planSidebar(plan);
    expect(sidebar[0]).toEqual({ label: '首页', link: '/' });
    expect(sidebar.slice(-6).map((item) => ('link' in item ? item.link : null))).toEqual(['/indicators/', '/boxes/', '/packages/', '/full/', '/terms/', '/data/']);
  });
});

describe('breadcrumbs', () => {
  it('leads from home through the 篇 to the 章', () => {
    expect(breadcrumbs(plan, { kind: 'chapter', part: 5, chapter: 2 })).toEqual([
      { label: '首页', path: '/' },
      { label: '第五篇 加快建设国际科技创新中心', path: '/part-5/' },
      { label: '第二章 乙', path: '/part-5/chapter-2/' },
    ]);
  });
  it('leads from home through the 附表 to a package, and to the indicators and 专栏 pages', () => {
    expect(breadcrumbs(plan, { kind: 'package', package: 5, name: '5.京津冀协同发展重大工程包' })).toEqual([
      { label: '首页', path: '/' },
      { label: '附表 “十四五”时期重大工程包', path: '/packages/' },
      { label: '5.京津冀协同发展重大工程包', path: '/packages/5/' },
    ]);
    expect(breadcrumbs(plan, { kind: 'indicators' }).at(-1)).toEqual({ label: '主要指标', path: '/indicators/' });
    expect(breadcrumbs(plan, { kind: 'boxes' }).at(-1)).toEqual({ label: '专栏', path: '/boxes/' });
  });
  it('names a missing chapter', () => {
    expect(() => breadcrumbs(plan, { kind: 'chapter', part: 5, chapter: 9 })).toThrow(/章 9/);
  });
});

describe('tableOfContents', () => {
  it('lists 篇, 章 and sections in plan order, with section anchors, then the 附表', () => {
    const toc = tableOfContents(plan);
    expect(toc.map((e) => e.href)).toEqual(['/part-5/', '/part-1/', '/packages/']);
    expect(toc[0]!.children.map((c) => c.href)).toEqual(['/part-5/chapter-2/', '/part-5/chapter-1/']);
    expect(toc[0]!.children[0]!.children[0]!.href).toBe('/part-5/chapter-2/#section-1');
  });
});

describe('withBase', () => {
  it('prefixes the deployment base once', () => {
    expect(withBase('/part-1/', '/')).toBe('/part-1/');
    expect(withBase('/part-1/#page-1', '/plan/')).toBe('/plan/part-1/#page-1');
    expect(withBase('/', '/plan')).toBe('/plan/');
  });
});

describe('isPageRedirect', () => {
  it('recognises /page/P/ under any base and origin', () => {
    expect(isPageRedirect('https://example.org/plan/page/150/')).toBe(true);
    expect(isPageRedirect('/page/1/')).toBe(true);
    expect(isPageRedirect('https://example.org/part-1/')).toBe(false);
    expect(isPageRedirect('https://example.org/page/')).toBe(false);
  });
});
