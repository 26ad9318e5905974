/**
 * The boxes, the indicators table and the 附表 packages on the built site:
 * the data downloads, the table markup, the page markers inside the tables,
 * /boxes/, /packages/N/, the cross-links between text and boxes, the chapter
 * lists of packages, and what search can filter on.
 */
import { parseCsv } from '../helpers/csv.ts';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenIndicators } from '../../src/reviewed/indicators-table';
import { indicators, packages } from '../helpers/curated-tables';
import type { Plan } from '../../src/convert/model';
import { planBoxes } from '../../src/convert/build-mdx';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { searchTypesForPath } from '../../src/search/search-types';
import {
  BOXES_PATH,
  INDICATORS_CSV_PATH,
  INDICATORS_JSON_PATH,
  INDICATORS_PATH,
  PACKAGES_JSON_PATH,
  PACKAGES_PATH,
  chapterPath,
  packagePath,
} from '../../src/site/site-paths';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { attributeOf, attributeValues, attributesOf, elementText, elementsOf, fileForPath, idsOf, listItemHolding, mainOf, readPage, sourceOf, visibleText } from './html';

let outDir: string;
let plan: Plan;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
});

const file = (url: string) => readFileSync(fileForPath(outDir, url), 'utf8');
const json = (url: string) => JSON.parse(file(url));

/** The elements `tag` in `html`, as attribute maps. */
function tags(html: string, tag: string): Record<string, string>[] {
  return elementsOf(html, tag).map(attributesOf);
}

/** The element with id `id`, as written (its outer HTML). */
function elementById(html: string, id: string): string {
  const [element] = elementsOf(html, `[id="${id}"]`);
  if (!element) throw new Error(`no #${id}`);
  return sourceOf(html, element);
}

/**
 * For the first element matching `selector`: whether it or an ancestor is
 * kept out of the search index (`data-pagefind-ignore`), as a one-element
 * list (empty when there is no such element).
 */
function ignoredAncestors(html: string, selector: string): boolean[] {
  const [first] = elementsOf(html, selector);
  if (!first) return [];
  return [elementsOf(html, `[data-pagefind-ignore] ${selector}, ${selector}[data-pagefind-ignore]`).includes(first)];
}

describe('data downloads', () => {
  it('publishes the 27 lines of the indicators table as JSON, one object per row or sub-row', () => {
    const rows = json(INDICATORS_JSON_PATH) as Record<string, unknown>[];
    expect(rows).toHaveLength(27);
    expect(rows.every((r) => Object.keys(r).join() === 'category,no,group,name,unit,target,attribute')).toBe(true);
    expect(new Set(rows.map((r) => r.no)).size).toBe(25);
    expect(new Set(rows.map((r) => r.category)).size).toBe(7);
    expect(rows.filter((r) => r.no === 9)).toEqual([
      { category: '绿色发展', no: 9, group: '绿化', name: '森林覆盖率', unit: '%', target: '45', attribute: '约束性' },
      { category: '绿色发展', no: 9, group: '绿化', name: '平原地区森林覆盖率', unit: '%', target: '32', attribute: '约束性' },
    ]);
    expect(rows.find((r) => r.no === 21)).toMatchObject({ category: '减量提质', target: '保持下降趋势' });
    expect(rows.map((r) => [r.no, r.name, r.target])).toEqual(flattenIndicators(indicators).map((l) => [l.no, l.name, l.target]));
  });

  it('publishes the same rows as CSV in UTF-8 with a byte-order mark, RFC 4180 quoting and CRLF', () => {
    const bytes = readFileSync(fileForPath(outDir, INDICATORS_CSV_PATH));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(['category', 'no', 'group', 'name', 'unit', 'target', 'attribute']);
    const rows = json(INDICATORS_JSON_PATH) as Record<string, string | number | null>[];
    expect(records).toEqual(rows.map((r) => header!.map((k) => (r[k] === null ? '' : String(r[k])))));
  });

  it('publishes the 10 packages with all 100 items, each with the URLs of the places that discuss it', () => {
    const published = json(PACKAGES_JSON_PATH) as { no: number; name: string; goal: string; content: string; count: number; items: { text: string; links: string[] }[] }[];
    expect(published.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of published) {
      expect(Object.keys(p)).toEqual(['no', 'name', 'goal', 'content', 'count', 'items']);
      expect(p.items, p.name).toHaveLength(p.count);
      const source = packages.packages[p.no - 1]!;
      expect([p.name, p.goal, p.content, p.items.map((i) => i.text)]).toEqual([source.name, source.goal, source.content, source.items]);
    }
    expect(published.reduce((n, p) => n + p.items.length, 0)).toBe(100);
    const links = published.flatMap((p) => p.items.flatMap((i) => i.links));
    for (const link of links) {
      const [page, fragment] = link.split('#');
      expect(idsOf(readPage(outDir, page!)).includes(fragment ?? '_top') || fragment === undefined, link).toBe(true);
    }
    expect(published.flatMap((p) => p.items.filter((i) => i.links.length === 0)).length).toBe(8);
  });
});

describe('the indicators table', () => {
  for (const url of [chapterPath(1, 3), INDICATORS_PATH]) {
    it(`is a real table on ${url}: caption, column and row headers with scope, one row group per 类别, the note`, () => {
      const html = mainOf(readPage(outDir, url));
      const table = elementById(html, 'indicators');
      expect(visibleText(elementById(table, 'indicators-caption'))).toBe(indicators.caption);
      const th = tags(table, 'th');
      expect(th.filter((t) => t.scope === 'col').length).toBe(5);
      expect(th.find((t) => t.scope === 'col' && t.colspan === '2')).toBeDefined();
      const groups = tags(table, 'tbody');
      expect(groups).toHaveLength(indicators.categories.length);
      const rowgroups = th.filter((t) => t.scope === 'rowgroup');
      expect(rowgroups.map((t) => Number(t.rowspan))).toEqual(
        indicators.categories.map((c) => c.rows.reduce((n, r) => n + r.measures.length, 0)),
      );
      // A row header per line (27), plus the shared labels of rows 9 and 25.
      expect(th.filter((t) => t.scope === 'row')).toHaveLength(27 + 2);
      expect(tags(table, 'tr').filter((t) => t.id?.startsWith('indicators-'))).toHaveLength(27);
      expect(tags(table, 'td').filter((t) => t.rowspan === '2')).toHaveLength(4);
      // The caption names the scrolling region; the note describes the table.
      expect(tags(html, 'div.table-scroll').filter((div) => div.role === 'region' && div['aria-labelledby'] === 'indicators-caption' && div.tabindex === '0')).toHaveLength(1);
      expect(tags(table, 'table')[0]!['aria-describedby']).toBe('indicators-note');
      expect(visibleText(elementById(html, 'indicators-note'))).toBe(indicators.note);
    });
  }

  it('marks page 14 on the row where it begins, in the chapter, and nowhere on /indicators/', () => {
    const chapter = readPage(outDir, chapterPath(1, 3));
    const row4 = elementById(chapter, 'indicators-4');
    expect(row4).toContain('id="page-14"');
    expect(idsOf(readPage(outDir, INDICATORS_PATH)).filter((id) => /^page-\d+$/.test(id))).toEqual([]);
    expect(indicators.pageBreaks).toEqual([{ footer: 13, afterNo: 3, repeatsHeader: true }]);
  });
});

describe('the 附表 table and the package pages', () => {
  it('is a table named by the page heading, a row header per package linking to its page', () => {
    const html = mainOf(readPage(outDir, PACKAGES_PATH));
    const table = elementById(html, 'packages-table');
    expect(tags(table, 'table')[0]!['aria-labelledby']).toBe('_top');
    expect(idsOf(html)).toContain('_top');
    expect(tags(table, 'th').filter((t) => t.scope === 'col')).toHaveLength(3);
    expect(tags(table, 'th').filter((t) => t.scope === 'row')).toHaveLength(10);
    for (const p of packages.packages) {
      expect(elementById(table, `package-${p.no}`)).toContain(`href="${packagePath(p.no)}"`);
    }
  });

  it('marks pages 217 and 218 on the rows where they begin', () => {
    const html = readPage(outDir, PACKAGES_PATH);
    expect(elementById(html, 'package-5')).toContain('id="page-217"');
    expect(elementById(html, 'package-7')).toContain('id="page-218"');
  });

  it('shows each package: goal, content, every item with its links or the note that the body never mentions it', () => {
    const published = json(PACKAGES_JSON_PATH) as { no: number; goal: string; items: { text: string; links: string[] }[] }[];
    for (const p of published) {
      const html = mainOf(readPage(outDir, packagePath(p.no)));
      expect(visibleText(html)).toContain(p.goal);
      p.items.forEach((item, i) => {
        const entry = elementById(html, `item-${i + 1}`);
        expect(elementsOf(entry, 'span.item-text').map(elementText), `${p.no} ${item.text}`).toContain(item.text);
        const hrefs = elementsOf(entry, 'a[href]').map((a) => attributeOf(a, 'href')!);
        expect(hrefs, `${p.no} ${item.text}`).toEqual(item.links);
        expect(entry.includes('正文未提及此项目'), `${p.no} ${item.text}`).toBe(item.links.length === 0);
      });
    }
  });

  it('lists on each chapter page the packages it discusses, linking to their items', () => {
    const published = json(PACKAGES_JSON_PATH) as { no: number; items: { text: string; links: string[] }[] }[];
    const expected = new Map<string, string[]>();
    for (const p of published) {
      p.items.forEach((item, i) => {
        for (const link of item.links) {
          const page = link.split('#')[0]!;
          const list = expected.get(page) ?? [];
          if (!list.includes(`${packagePath(p.no)}#item-${i + 1}`)) list.push(`${packagePath(p.no)}#item-${i + 1}`);
          expected.set(page, list);
        }
      });
    }
    for (const part of plan.parts) {
      for (const url of [`/part-${part.n}/`, ...part.chapters.map((c) => chapterPath(part.n, c.n))]) {
        const html = readPage(outDir, url);
        const items = elementsOf(html, '.page-packages a[href]').map((a) => attributeOf(a, 'href')!).filter((href) => /^\/packages\/\d+\/#item-\d+$/.test(href));
        expect(items.sort(), url).toEqual([...(expected.get(url) ?? [])].sort());
      }
    }
    expect(expected.get(chapterPath(6, 2))).toContain('/packages/5/#item-2');
  });
});

describe('the boxes', () => {
  it('lists all 10 on /boxes/ with their 篇 and 章 and their introduction, linking to the box in its chapter', () => {
    const html = mainOf(readPage(outDir, BOXES_PATH));
    const boxes = planBoxes(plan);
    expect(boxes).toHaveLength(10);
    for (const box of boxes) {
      const part = plan.parts.find((p) => p.chapters.some((c) => [c.intro, ...c.sections.map((s) => s.blocks)].some((bs) => bs.includes(box))))!;
      const chapter = part.chapters.find((c) => [c.intro, ...c.sections.map((s) => s.blocks)].some((bs) => bs.includes(box)))!;
      const entry = listItemHolding(html, `box-${box.n}`);
      const target = `${chapterPath(part.n, chapter.n)}#box-${box.n}`;
      expect(attributeValues(entry, 'href'), box.label).toContain(target);
      expect(idsOf(readPage(outDir, chapterPath(part.n, chapter.n)))).toContain(`box-${box.n}`);
      const text = visibleText(entry);
      expect(text).toContain(box.label + box.title);
      expect(text).toContain(`${part.label} ${part.title}`);
      expect(text).toContain(`${chapter.label} ${chapter.title}`);
      expect(text).toContain(box.intro.filter((p) => typeof p === 'string').join(''));
    }
  });

  it('links each mention of a program in the text to its box on the same page, and the box back to the mention', () => {
    let mentions = 0;
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        const html = mainOf(readPage(outDir, chapterPath(part.n, chapter.n)));
        for (const link of elementsOf(html, 'a.box-mention')) {
          const [box, id, words] = [attributeOf(link, 'href')!.slice(1), attributeOf(link, 'id')!, elementText(link)];
          expect(box).toMatch(/^box-\d+$/);
          mentions++;
          const aside = elementById(html, box!);
          expect(aside.startsWith('<aside'), id).toBe(true);
          expect(attributeValues(aside, 'href'), id).toContain(`#${id}`);
          expect(id!.startsWith(`${box}-`)).toBe(true);
          // The linked words name the box's program: its title, or the reviewed short form.
          expect(['小微企业协同创新星火计划', '京津冀传统产业升级赋能计划', '数字经济伙伴计划', '雁阵培育计划', '低碳领跑者计划']).toContain(words);
          // The back-link is the site's text, not the plan's.
          expect(tags(aside, 'p.box-mentions').filter((p) => 'data-nontext' in p && 'data-pagefind-ignore' in p)).toHaveLength(1);
        }
      }
    }
    expect(mentions).toBe(5);
    expect(readPage(outDir, chapterPath(3, 3))).not.toContain('class="box-mention"');
  });
});

describe('search filters', () => {
  it('indexes /indicators/, /boxes/ and the package pages, with their contents marked by type', () => {
    for (const [url, type] of [
      [INDICATORS_PATH, '指标'],
      [BOXES_PATH, '专栏'],
      [PACKAGES_PATH, '重大工程包'],
      ...packages.packages.map((p) => [packagePath(p.no), '重大工程包']),
    ] as [string, string][]) {
      const html = readPage(outDir, url);
      expect(html, url).toContain('data-pagefind-body');
      expect(html, url).toContain(`data-plan-type="${type}"`);
      // The plan's content itself is not hidden from the index.
      expect(ignoredAncestors(html, `[data-plan-type="${type}"]`), url).toEqual([false]);
    }
    // (The check sees site text that is kept out, such as a chapter's list of packages.)
    expect(ignoredAncestors(readPage(outDir, chapterPath(6, 2)), '.page-packages')).toEqual([true]);
    expect(readPage(outDir, chapterPath(1, 3))).toContain('data-plan-type="指标"');
    expect(readPage(outDir, chapterPath(9, 3))).toContain('data-plan-type="专栏"');
  });

  it('gives each page its type values: 正文, plus 专栏 or 指标 for chapters holding them', () => {
    expect(searchTypesForPath(plan, chapterPath(1, 3))).toEqual(['正文', '指标']);
    expect(searchTypesForPath(plan, chapterPath(9, 3))).toEqual(['正文', '专栏']);
    expect(searchTypesForPath(plan, chapterPath(1, 1))).toEqual(['正文']);
    expect(searchTypesForPath(plan, '/part-1/')).toEqual(['正文']);
    expect(searchTypesForPath(plan, BOXES_PATH)).toEqual(['专栏']);
    expect(searchTypesForPath(plan, INDICATORS_PATH)).toEqual(['指标']);
    expect(searchTypesForPath(plan, packagePath(3))).toEqual(['重大工程包']);
    expect(searchTypesForPath(plan, '/full/')).toEqual([]);
    // Every chapter page holding a box is typed 专栏, and only those.
    const withBox = plan.parts.flatMap((p) => p.chapters.filter((c) => c.sections.some((s) => s.blocks.some((b) => b.kind === 'box'))).map((c) => chapterPath(p.n, c.n)));
    const typed = plan.parts.flatMap((p) => p.chapters.map((c) => chapterPath(p.n, c.n))).filter((url) => searchTypesForPath(plan, url).includes('专栏'));
    expect(typed).toEqual(withBox);
    // 第九篇第三章 holds two boxes (专栏7 and 专栏8).
    expect(withBox).toHaveLength(9);
  });
});
