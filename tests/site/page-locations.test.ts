/**
 * Where printed pages begin: small models for each rule, then the real
 * plan.json, where every page 1…218 must begin exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Chapter, Part, Plan } from '../../src/convert/model';
import { lastPage, pageAfterFooter } from '../../src/convert/printed-pages';
import {
  checkPageLocations,
  pageLocationHref,
  pageLocationMap,
  pageLocations,
  curatedTablePageRows,
} from '../../src/site/plan/page-locations';
import { plan as convertedPlan } from '../helpers/real-plan';

/** The embedded plan's last printed page (the small models below end there too). */
const LAST_PAGE = 218;

const para = (...body: (string | { footer: number })[]): Block => ({
  kind: 'paragraph',
  lead: null,
  body,
});
const chapter = (n: number, over: Partial<Chapter> = {}): Chapter => ({
  n, label: `第${n}章`, title: `章${n}`, page: 1, footerBefore: null, intro: [], sections: [], ...over,
});
const part = (n: number, over: Partial<Part> = {}): Part => ({
  n, label: `第${n}篇`, title: `篇${n}`, page: 1, footerBefore: null, intro: [], chapters: [chapter(1)], ...over,
});
const planOf = (parts: Part[], appendixBlocks: Block[] = [], appendixFooterBefore: number | null = null): Plan => ({
  title: '纲要',
  approval: '批准',
  preface: { title: '序言', blocks: [para('序', { footer: 99 })] },
  parts,
  appendix: { label: '附表', title: '工程包', page: 1, footerBefore: appendixFooterBefore, blocks: appendixBlocks },
});

describe('pageLocations', () => {
  it('begins page 1 on the first 篇 page when it has an introduction', () => {
    const plan = planOf([part(1, { intro: [para('引言')] })]);
    expect(pageLocations(plan)).toEqual([{ page: 1, path: '/part-1/' }]);
  });

  it('begins page 1 at the first 章 when the first 篇 has no introduction', () => {
    const plan = planOf([part(1, { chapters: [chapter(1), chapter(2)] })]);
    expect(pageLocations(plan)).toEqual([{ page: 1, path: '/part-1/chapter-1/' }]);
  });

  it('begins page F+1 at a footer inside the text, in reading order', () => {
    const plan = planOf([
      part(1, {
        chapters: [
          chapter(1, { intro: [para('甲', { footer: 1 }, '乙')] }),
          chapter(2, {
            sections: [
              { n: 1, label: '一、', title: '节', page: 2, footerBefore: null, blocks: [{ kind: 'target', lead: ['——目标'], body: ['说明', { footer: 2 }] }] },
            ],
          }),
        ],
      }),
    ]);
    expect(pageLocations(plan)).toEqual([
      { page: 1, path: '/part-1/chapter-1/' },
      { page: 2, path: '/part-1/chapter-1/' },
      { page: 3, path: '/part-1/chapter-2/' },
    ]);
  });

  it('begins a page at a heading or box with footerBefore, on the page that holds it', () => {
    const box: Block = { kind: 'box', n: 7, footerBefore: 4, label: '专栏7', title: '计划', intro: ['介绍'], items: [{ lead: ['甲'], body: ['乙', { footer: 5 }] }] };
    const plan = planOf([
      part(1, { intro: [para('引', { footer: 1 })], chapters: [chapter(1, { footerBefore: 2 })] }),
      part(2, { footerBefore: 3, chapters: [chapter(1, { intro: [box] })] }),
    ]);
    expect(pageLocations(plan)).toEqual([
      { page: 1, path: '/part-1/' },
      { page: 2, path: '/part-1/' },
      { page: 3, path: '/part-1/chapter-1/' },
      // 第二篇 has no introduction: the page its heading opens is marked on its first 章.
      { page: 4, path: '/part-2/chapter-1/' },
      { page: 5, path: '/part-2/chapter-1/' },
      { page: 6, path: '/part-2/chapter-1/' },
    ]);
  });

  it('sends pages beginning in the 附表 to /packages/ and ignores the footer of the last page', () => {
    const table: Block = { kind: 'table', table: 'packages', raw: ['表', { footer: 216 }, '表', { footer: LAST_PAGE }] };
    const plan = planOf([part(1)], [table], 215);
    expect(pageLocations(plan)).toEqual([
      { page: 1, path: '/part-1/chapter-1/' },
      { page: 216, path: '/packages/' },
      { page: 217, path: '/packages/' },
    ]);
  });

  it('opens no page in the 序言', () => {
    const plan = planOf([part(1)]);
    expect(pageLocations(plan).map((l) => l.page)).toEqual([1]);
  });
});

describe('checkPageLocations and pageLocationMap', () => {
  it('reports pages begun nowhere and pages begun twice; the first place wins', () => {
    const locations = [
      ...Array.from({ length: LAST_PAGE }, (_, i) => ({ page: i + 1, path: '/a/' })).filter((l) => l.page !== 7),
      { page: 9, path: '/b/' },
    ];
    expect(checkPageLocations(locations, LAST_PAGE)).toEqual({ missing: [7], duplicated: [9] });
    expect(pageLocationMap(locations).get(9)).toEqual({ page: 9, path: '/a/' });
  });

  it('links to the marker', () => {
    expect(pageLocationHref({ page: 150, path: '/part-9/chapter-3/' })).toBe('/part-9/chapter-3/#page-150');
    expect(pageAfterFooter(149, LAST_PAGE)).toBe(150);
    expect(pageAfterFooter(LAST_PAGE, LAST_PAGE)).toBeNull();
  });
});

describe('curatedTablePageRows', () => {
  /** The 附表 table begins pages 217 and 218; the footer of the last page, 218, opens none. */
  const plan = planOf([part(1, { intro: [para('引言')] })], [
    { kind: 'table', table: 'packages', raw: ['名称', { footer: 216 }, '内容', { footer: 217 }, '更多', { footer: 218 }] },
  ]);

  it('puts each page the model begins inside the table on the row after its curated break', () => {
    const rows = curatedTablePageRows(plan, 'packages', [{ footer: 216, afterNo: 2 }, { footer: 217, afterNo: 5 }, { footer: 218, afterNo: 10 }]);
    expect([...rows]).toEqual([[3, 217], [6, 218]]);
  });

  it('fails, naming both lists, when the curated breaks begin other pages than the model', () => {
    expect(() => curatedTablePageRows(plan, 'packages', [{ footer: 216, afterNo: 2 }])).toThrow(
      'packages table: the model begins pages [217,218] in the table, the curated data (content/data/packages.json) [217]',
    );
  });

  it('fails when the model has no such table', () => {
    expect(() => curatedTablePageRows(plan, 'indicators', [])).toThrow('plan.json has 0 indicators tables, not one');
  });
});

describe('the real plan', () => {
  const plan: Plan = convertedPlan;

  it('begins every printed page 1…218 exactly once', () => {
    const locations = pageLocations(plan);
    expect(checkPageLocations(locations, lastPage(plan))).toEqual({ missing: [], duplicated: [] });
    expect(locations).toHaveLength(lastPage(plan));
    expect(lastPage(plan)).toBe(LAST_PAGE);
  });

  it('begins pages in reading order', () => {
    const pages = pageLocations(plan).map((l) => l.page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });
});
