/**
 * Sidebar, breadcrumbs and table of contents follow the plan's order, and
 * base paths are applied once.
 */
import { describe, expect, it } from 'vitest';
import type { Chapter, Part, Plan } from '../../src/convert/model';
import { breadcrumbs, planSidebar, readingNeighbours, readingOrder, tableOfContents } from '../../src/site/plan/plan-nav';
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

const packages = [
  { no: 1, name: '1.全国政治中心建设重大工程包' },
  { no: 2, name: '2.全国文化中心建设重大工程包' },
];

describe('planSidebar', () => {
  it('has one group per 篇 labelled with numbering and title, in plan order', () => {
    const sidebar = planSidebar(plan, packages);
    const groups = sidebar.filter((item) => 'items' in item);
    expect(groups.map((g) => g.label)).toEqual(['第五篇 加快建设国际科技创新中心', '第一篇 开启', '附表 “十四五”时期重大工程包']);
    const first = groups[0] as { items: { label: string; slug: string }[] };
    expect(first.items).toEqual([
      { label: '第五篇 加快建设国际科技创新中心', slug: 'part-5' },
      { label: '第二章 乙', slug: 'part-5/chapter-2' },
      { label: '第一章 甲', slug: 'part-5/chapter-1' },
    ]);
  });

  it('starts at home and ends with the indicators, the 专栏, the 附表 and its packages, the one-page edition, the term index and the data', () => {
    const sidebar = planSidebar(plan, packages);
    expect(sidebar[0]).toEqual({ label: '首页', link: '/' });
    const flat = (items: typeof sidebar): string[] =>
      items.flatMap((item) => ('items' in item ? flat(item.items) : 'link' in item ? [item.link] : []));
    expect(flat(sidebar.slice(-6))).toEqual(['/indicators/', '/boxes/', '/packages/', '/packages/1/', '/packages/2/', '/full/', '/terms/', '/data/']);
  });
});

describe('readingOrder', () => {
  it('runs from the 序言 through every 篇 and 章 in the plan\'s order to the indicators, the 专栏, the 附表 and its packages', () => {
    expect(readingOrder(plan, packages)).toEqual([
      { label: '序言', path: '/' },
      { label: '第五篇 加快建设国际科技创新中心', path: '/part-5/' },
      { label: '第二章 乙', path: '/part-5/chapter-2/' },
      { label: '第一章 甲', path: '/part-5/chapter-1/' },
      { label: '第一篇 开启', path: '/part-1/' },
      { label: '第一章 丙', path: '/part-1/chapter-1/' },
      { label: '主要指标', path: '/indicators/' },
      { label: '专栏', path: '/boxes/' },
      { label: '附表 “十四五”时期重大工程包', path: '/packages/' },
      { label: '1.全国政治中心建设重大工程包', path: '/packages/1/' },
      { label: '2.全国文化中心建设重大工程包', path: '/packages/2/' },
    ]);
  });

  it('lists every page of the sidebar but the reference pages after the 附表, in the same order', () => {
    const flat = (items: ReturnType<typeof planSidebar>): string[] =>
      items.flatMap((item) =>
        'items' in item ? flat(item.items) : 'link' in item ? [item.link] : [`/${item.slug}/`],
      );
    const sidebarPaths = flat(planSidebar(plan, packages)).filter((p, i, all) => all.indexOf(p) === i);
    expect(sidebarPaths.slice(0, -3)).toEqual(readingOrder(plan, packages).map((s) => s.path));
  });

  it('gives each page its neighbours, none before the first, after the last or outside the order', () => {
    const order = readingOrder(plan, packages);
    expect(readingNeighbours(order, '/')).toEqual({ prev: null, next: { label: '第五篇 加快建设国际科技创新中心', path: '/part-5/' } });
    expect(readingNeighbours(order, '/part-1/chapter-1/').next).toEqual({ label: '主要指标', path: '/indicators/' });
    expect(readingNeighbours(order, '/packages/2/')).toEqual({ prev: { label: '1.全国政治中心建设重大工程包', path: '/packages/1/' }, next: null });
    expect(readingNeighbours(order, '/terms/')).toEqual({ prev: null, next: null });
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
  it('leads from home to the whole 目录, and the 目录 is outside the reading order', () => {
    expect(breadcrumbs(plan, { kind: 'contents' })).toEqual([
      { label: '首页', path: '/' },
      { label: '目录', path: '/contents/' },
    ]);
    expect(readingNeighbours(readingOrder(plan, []), '/contents/')).toEqual({ prev: null, next: null });
  });
  it('names a missing chapter', () => {
    expect(() => breadcrumbs(plan, { kind: 'chapter', part: 5, chapter: 9 })).toThrow(/章 9/);
  });
});

describe('tableOfContents', () => {
  it('lists 篇, 章 and sections in plan order, with section anchors, then the 附表', () => {
    const toc = tableOfContents(plan);
    expect(toc.map((e) => e.href)).toEqual(['/part-5/', '/part-1/', '/packages/']);
    expect(toc.map((e) => e.page)).toEqual([1, 1, 216]);
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
