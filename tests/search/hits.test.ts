/**
 * Where a hit belongs on its page, excerpts, occurrence counting from word
 * positions, the filters of each page, and the links and status line of the
 * results.
 */
import { describe, expect, it } from 'vitest';
import type { SearchOutcome } from '../../src/search/engine';
import { phraseSearch, rankReason, runsOf, type CoreResult, type CoreSearch } from '../../src/search/phrase-search';
import { searchFilters, partFilterValue } from '../../src/search/filters';
import { EXCERPT_BREAK, excerptAround, headingBreaks, keepGroups, kindOf, pageHits, placeOf, type Fragment } from '../../src/search/hits';
import type { IndexedPage } from '../../src/search/page-map';
import { chapterKey, planPageSpans } from '../../src/site/plan/page-spans';
import { pageInQuery, pageOffer } from '../../src/search/page-query';
import { decodePrintedPages, encodePrintedPages, printedPages, type PrintedPages } from '../../src/search/printed-places';
import type { FragmentAnchor } from '../../src/search/pagefind-internals';
import { filterCountText, placeHref, printedPageText, searchPageHref, statusText } from '../../src/search/render';
import { sitePathOf } from '../../src/site/site-paths';
import { termKeys } from '../../src/search/units';
import { plan as realPlan } from '../helpers/real-plan';
import { BOXES_PATH, INDICATORS_PATH, chapterPath, packagePath, partPath } from '../../src/site/site-paths';

const anchor = (element: string, id: string, location: number, text = ''): FragmentAnchor => ({ element, id, location, text });

/** A chapter: intro (0–4), section 1 (5–29) holding box 7 (10–19), section 2 (30–). */
const anchors = [
  anchor('h1', '_top', 0, '第 三 章'),
  anchor('h2', 'section-1', 5, '一、 实 现'),
  anchor('aside', 'box-7', 10),
  anchor('h3', 'box-7-title', 10, '专 栏 7 低 碳'),
  anchor('i', 'box-7--end', 20),
  anchor('h2', 'section-2', 30, '二、 推 动'),
];

describe('the place of a hit', () => {
  it('is the innermost container holding it, else the last section heading, else the top', () => {
    expect(placeOf(anchors, 2)).toBeNull();
    expect(placeOf(anchors, 5)?.id).toBe('section-1');
    expect(placeOf(anchors, 10)?.id).toBe('box-7');
    expect(placeOf(anchors, 19)?.id).toBe('box-7');
    // After the box ends, the hit is in the section again.
    expect(placeOf(anchors, 20)?.id).toBe('section-1');
    expect(placeOf(anchors, 31)?.id).toBe('section-2');
  });

  it('goes to the deeper of a heading and a container: a project item under its heading, a row in its table', () => {
    const item = [anchor('h2', 'items', 0, '项 目'), anchor('li', 'item-3', 4), anchor('i', 'item-3--end', 9)];
    expect(placeOf(item, 5)?.id).toBe('item-3');
    expect(placeOf(item, 9)?.id).toBe('items');
    const table = [anchor('table', 'indicators', 0), anchor('tr', 'indicators-2', 3), anchor('i', 'indicators-2--end', 6), anchor('i', 'indicators--end', 9)];
    expect(placeOf(table, 4)?.id).toBe('indicators-2');
    expect(placeOf(table, 7)?.id).toBe('indicators');
  });
});

describe('page hits', () => {
  const words = ['第', '三', '章', '坚', '持', '一、', '实', '现', '碳', '达', '峰'];
  const fill = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? '甲' : '乙'));
  const content = [...words, ...fill(10), ...['碳', '达', '峰。'], ...fill(7), ...fill(10), '碳', '达', '峰'].join(' ');
  // Hits at 8 (section 1), 21 (box 7) and 41 (section 2).
  const fragmentAnchors = [
    anchor('h1', '_top', 0, '第 三 章'),
    anchor('h2', 'section-1', 5, '一、 实 现'),
    anchor('aside', 'box-7', 12),
    anchor('h3', 'box-7-title', 12, '专 栏 7 低 碳'),
    anchor('i', 'box-7--end', 30),
    anchor('h2', 'section-2', 35, '二、 推 动'),
  ];
  const fragment: Fragment = { url: '/part-9/chapter-3/', content, anchors: fragmentAnchors, meta: { title: '第九篇 第三章' } };

  it('counts the hits in each place, titled by its heading, with an excerpt marking the hit', () => {
    const hits = pageHits(fragment, [termKeys('碳达峰')]);
    expect(hits.count).toBe(3);
    expect(hits.groups.map((g) => [g.id, g.title, g.count])).toEqual([
      ['section-1', '一、实现', 1],
      ['box-7', '专栏7低碳', 1],
      ['section-2', '二、推动', 1],
    ]);
    // Every hit in the excerpt's window is marked, punctuation left outside.
    expect(hits.groups[0]!.excerpt.filter((p) => p.hit).map((p) => p.text)).toEqual(['碳达峰', '碳达峰', '碳达峰']);
    expect(hits.groups[1]!.excerpt.map((p) => p.text).join('')).toContain('碳达峰。');
    expect(hits.text.startsWith('第三章坚持一、实现碳达峰')).toBe(true);
  });

  it('marks a hit without the punctuation around it', () => {
    const parts = excerptAround(['依', '托', '“12345', '热', '线”，', '推', '进'], 2, 5, [[2, 5]]);
    expect(parts).toEqual([
      { text: '依托“', hit: false },
      { text: '12345热线', hit: true },
      { text: '”，推进', hit: false },
    ]);
  });

  it('cuts an excerpt with ellipses where the text goes on', () => {
    const long = Array.from({ length: 100 }, (_, i) => String(i % 10));
    const parts = excerptAround(long, 50, 52, [[50, 52]], 5, 5);
    expect(parts).toEqual([
      { text: '…56789', hit: false },
      { text: '01', hit: true },
      { text: '23456…', hit: false },
    ]);
  });
});

describe('occurrences from word positions', () => {
  it('counts the places where the units of a term stand in a row', () => {
    expect(runsOf([3, 4, 5, 9, 10, 11, 20], 3)).toBe(2);
    expect(runsOf([3, 4, 5, 9, 10, 11, 20], 1)).toBe(7);
    expect(runsOf([], 2)).toBe(0);
  });
});

describe('page filters', () => {
  const plan = realPlan;
  const part = (n: number) => partFilterValue(plan.parts[n - 1]!);

  it('gives 篇 and 章 pages their 篇 and type values', () => {
    expect(searchFilters(plan, chapterPath(9, 3))).toEqual({ part: [part(9)], type: ['正文', '专栏'] });
    expect(searchFilters(plan, chapterPath(1, 3))).toEqual({ part: [part(1)], type: ['正文', '指标'] });
    expect(searchFilters(plan, partPath(5))).toEqual({ part: [part(5)], type: ['正文'] });
    expect(searchFilters(plan, '/')).toEqual({ part: [], type: ['正文'] });
  });

  it('gives /boxes/ the 篇 of every box, /indicators/ that of the table, and the 附表 no 篇', () => {
    const withBoxes = plan.parts.filter((p) => p.chapters.some((c) => c.sections.some((s) => s.blocks.some((b) => b.kind === 'box'))));
    expect(searchFilters(plan, BOXES_PATH)).toEqual({ part: withBoxes.map(partFilterValue), type: ['专栏'] });
    expect(searchFilters(plan, INDICATORS_PATH)).toEqual({ part: [part(1)], type: ['指标'] });
    expect(searchFilters(plan, packagePath(3))).toEqual({ part: [], type: ['重大工程包'] });
    expect(searchFilters(plan, '/packages/')).toEqual({ part: [], type: ['重大工程包'] });
  });

  it('gives pages that are not plan content none', () => {
    for (const path of ['/search/', '/full/', '/page/12/']) expect(searchFilters(plan, path)).toEqual({ part: [], type: [] });
  });

  it('reads site paths under any deployment base', () => {
    expect(sitePathOf('/plan/part-1/', '/plan/')).toBe('/part-1/');
    expect(sitePathOf('/plan/', '/plan/')).toBe('/');
    expect(sitePathOf('/part-1/', '/')).toBe('/part-1/');
  });
});

describe('result links and status', () => {
  it('links a place with the query to mark, under the base', () => {
    expect(placeHref('/plan/', '/part-9/chapter-3/', 'section-1', '碳达峰')).toBe(
      `/plan/part-9/chapter-3/?highlight=${encodeURIComponent('碳达峰')}#section-1`,
    );
    expect(placeHref('/', '/part-9/', null, 'RCEP')).toBe('/part-9/?highlight=RCEP');
    expect(searchPageHref('/', '碳达峰', [part9()], ['专栏'])).toBe(
      `/search/?q=${encodeURIComponent('碳达峰')}&part=${encodeURIComponent(part9()).replace(/%20/g, '+')}&type=${encodeURIComponent('专栏')}`,
    );
  });

  it('says how many pages and hits as N 个页面、M 处 (never 页 alone), and what the filters left', () => {
    const outcome = (pages: number, unfiltered: number): SearchOutcome => ({
      query: '碳达峰',
      terms: [termKeys('碳达峰')],
      results: Array.from({ length: pages }, () => ({
        page: { id: '', url: '', title: '', part: [], type: [], headings: [] },
        count: 2,
        rank: 'text' as const,
        hits: async () => ({ count: 2, groups: [], text: '' }),
      })),
      hits: pages * 2,
      unfiltered: { pages: unfiltered, hits: unfiltered * 2 },
      counts: { part: new Map(), type: new Map() },
      ms: 1,
    });
    expect(statusText(outcome(2, 2), false)).toBe('“碳达峰”见于 2 个页面、4 处。');
    expect(statusText(outcome(1, 2), true)).toBe('筛选后：“碳达峰”见于 1 个页面、2 处（未筛选时 2 个页面、4 处）。');
    expect(statusText(outcome(0, 2), true)).toBe('“碳达峰”见于 2 个页面、4 处，但没有符合筛选条件的结果。');
    expect(statusText(outcome(0, 0), false)).toBe('没有找到包含“碳达峰”的页面。');
    expect(filterCountText({ pages: 1, hits: 3 })).toBe('1 个页面、3 处');
    expect(filterCountText(undefined)).toBe('0 个页面、0 处');
  });

  it('names a hit’s printed page as the book does', () => {
    expect(printedPageText({ first: 56, last: 56 })).toBe('印刷版第56页');
    expect(printedPageText({ first: 150, last: 151 })).toBe('印刷版第150–151页');
  });
});

describe('printed-page queries', () => {
  it('reads 56页, 第56页, 第 56 页 and full-width digits as a page; anything else as text', () => {
    for (const q of ['56页', '第56页', ' 第 56 页 ', '５６页']) expect(pageInQuery(q), q).toBe(56);
    for (const q of ['56', '第五十六页', '56页码', '页56', '碳达峰']) expect(pageInQuery(q), q).toBeNull();
  });

  it('offers the jump within the plan’s pages only', () => {
    expect(pageOffer('56页', 1, 218)).toEqual({ kind: 'jump', page: 56 });
    expect(pageOffer('第218页', 1, 218)).toEqual({ kind: 'jump', page: 218 });
    expect(pageOffer('219页', 1, 218)).toEqual({ kind: 'out-of-range', page: 219, first: 1, last: 218 });
    expect(pageOffer('0页', 1, 218)?.kind).toBe('out-of-range');
    expect(pageOffer('碳达峰', 1, 218)).toBeNull();
  });
});

describe('ranking as a reference work', () => {
  it('orders the bundle’s results title first, then heading, then by occurrences, and says why', async () => {
    // Pages holding 碳达峰 once (t, h, a) or three times (m), as Pagefind's search over units would give them.
    const content = (n: number) => Array.from({ length: n }, () => '碳 达 峰').join(' 甲 ');
    const occurrences: Record<string, number> = { m: 3, a: 1, h: 1, t: 1 };
    const core: CoreSearch = async (term) => ({
      results: Object.entries(occurrences).map(([id, n]): CoreResult => ({
        id,
        score: n,
        words: term?.startsWith('"') ? [] : Array.from({ length: n }, (_, i) => [i * 4, i * 4 + 1, i * 4 + 2]).flat(),
        data: async () => ({ content: content(n) }),
      })),
      unfilteredResultCount: 4,
      filters: {},
      totalFilters: {},
    });
    const entry = (id: string, title: string, headings: [number, number][] = []): [string, IndexedPage] => [id, { id, url: `/${id}/`, title, part: [], type: ['正文'], headings }];
    // h's heading is its first three words (碳 达 峰); a's heading stands after its one 碳达峰.
    const pages = new Map([entry('m', '第一章'), entry('a', '第二章', [[3, 1]]), entry('h', '第三章', [[0, 3]]), entry('t', '第四章 碳达峰')]);
    const response = await phraseSearch(core, '碳达峰', {}, pages);
    expect(response.results.map((r) => [r.id, r.rank, r.score])).toEqual([
      ['t', 'title', 1],
      ['h', 'heading', 1],
      ['m', 'text', 3],
      ['a', 'text', 1],
    ]);
    expect(response.results[0]!.page?.url).toBe('/t/');
  });

  const terms = (q: string) => q.split(' ').map(termKeys);
  it('says why a page ranks where it does: a title that holds the query, a section heading, or only its text', () => {
    const page = (title: string, headings: [number, number][] = []) => ({ title, headings });
    expect(rankReason(page('第六篇 第二章 高水平建设城市副中心'), terms('城市副中心'), [[40]])).toBe('title');
    // （三）城市副中心建设 as words 10–16: the run of 城市副中心 at word 11 lies inside it.
    expect(rankReason(page('5.京津冀协同发展重大工程包', [[10, 7]]), terms('城市副中心'), [[11]])).toBe('heading');
    // Runs that end after the heading, or stand outside it.
    expect(rankReason(page('5.京津冀协同发展重大工程包', [[10, 7]]), terms('城市副中心'), [[13, 30]])).toBe('text');
    expect(rankReason(page('第六篇', [[0, 4]]), terms('城市副中心'), [[8]])).toBe('text');
    // Punctuation aside, every term: in the title, or in one heading.
    expect(rankReason(page('第七篇 第二章 全面激发“两区”新活力'), terms('两区'), [[3]])).toBe('title');
    expect(rankReason(page('第七篇 第二章 全面激发“两区”新活力'), terms('两区 新活力'), [[3], [5]])).toBe('title');
    expect(rankReason(page('第七篇 第二章 全面激发“两区”新活力'), terms('两区 冬奥'), [[3], [90]])).toBe('text');
    expect(rankReason(page('第七篇', [[0, 10], [20, 10]]), terms('两区 新活力'), [[2], [5]])).toBe('heading');
    expect(rankReason(page('第七篇', [[0, 10], [20, 10]]), terms('两区 新活力'), [[2], [25]])).toBe('text');
  });

  it('looks a term up by its first two units, and by up to four only when more pages hold those than it reads anyway', async () => {
    // Pages 0…count-1 each hold 碳达 (words 0, 1); the even ones hold 碳达峰中和.
    const lookUps = async (count: number) => {
      const queries: string[] = [];
      const core: CoreSearch = async (term) => {
        queries.push(term ?? '');
        return {
          results: Array.from({ length: count }, (_, i): CoreResult => ({
            id: `p${i}`,
            score: 1,
            words: [0, 1],
            data: async () => ({ content: i % 2 === 0 ? '碳 达 峰 中 和' : '碳 达 标' }),
          })),
          unfilteredResultCount: count,
          filters: {},
          totalFilters: {},
        };
      };
      const response = await phraseSearch(core, '碳达峰中和', {}, new Map());
      return { queries, found: response.results.map((r) => r.id).sort() };
    };
    expect(await lookUps(4)).toEqual({ queries: ['"碳 达"', '碳 达'], found: ['p0', 'p2'] });
    expect(await lookUps(6)).toEqual({ queries: ['"碳 达"', '碳 达', '"碳 达 峰 中"', '碳 达 峰 中'], found: ['p0', 'p2', 'p4'] });
  });
});

describe('hits by kind and printed page', () => {
  const words = Array.from({ length: 40 }, (_, i) => (i === 5 || i === 15 || i === 30 ? '碳' : '甲'));
  const fragment: Fragment = {
    url: '/part-1/chapter-3/',
    content: words.join(' '),
    anchors: [
      anchor('h1', '_top', 0, '第 三 章'),
      anchor('h2', 'section-2', 3, '二、 实 现'),
      anchor('a', 'page-13', 10),
      anchor('table', 'indicators', 12),
      anchor('tr', 'indicators-2', 14),
      anchor('i', 'indicators-2--end', 18),
      anchor('i', 'indicators--end', 20),
      anchor('a', 'page-14', 25),
    ],
    meta: { title: '第一篇 第三章', printed: '12' },
  };

  it('puts a hit inside the indicators table under 指标, prose under 正文, each with its printed page', () => {
    const hits = pageHits(fragment, [termKeys('碳')], ['正文', '指标']);
    // The hit at 30 is in section 2 again (after the table): counted there.
    expect(hits.groups.map((g) => [g.id, g.type, g.count, g.printed?.first])).toEqual([
      ['section-2', '正文', 2, 12],
      ['indicators-2', '指标', 1, 13],
    ]);
    expect(kindOf(['正文', '专栏'], ['box-3'])).toBe('专栏');
    expect(kindOf(['正文', '专栏'], ['section-1'])).toBe('正文');
    expect(kindOf(['重大工程包'], [])).toBe('重大工程包');
    const table = keepGroups(hits, (g) => g.type === '指标');
    expect(table.count).toBe(1);
    expect(table.groups.map((g) => g.id)).toEqual(['indicators-2']);
  });

  it('reads the printed pages of a page without markers from its meta: a box on /boxes/ with its 篇', () => {
    const printed: PrintedPages = { start: 20, places: [{ id: 'box-7', first: 150, last: 151, part: '第九篇' }] };
    expect(decodePrintedPages(encodePrintedPages(printed))).toEqual(printed);
    expect(encodePrintedPages(printed)).not.toContain(',');
    const boxes: Fragment = {
      url: '/boxes/',
      content: ['甲', '碳', '乙', '碳'].join(' '),
      anchors: [anchor('aside', 'box-7', 2), anchor('i', 'box-7--end', 4)],
      meta: { title: '专栏', printed: encodePrintedPages(printed) },
    };
    const hits = pageHits(boxes, [termKeys('碳')], ['专栏']);
    expect(hits.groups.map((g) => [g.id, g.printed, g.part])).toEqual([
      [null, { first: 20, last: 20 }, null],
      ['box-7', { first: 150, last: 151 }, '第九篇'],
    ]);
  });

  it('gives every body page and package its first printed page from the model, and the 序言 none', () => {
    const packages = { breaks: [{ footer: 216, afterNo: 4 }], last: 218 };
    const spans = planPageSpans(realPlan);
    expect(printedPages(realPlan, chapterPath(6, 2), packages).start).toBe(spans.chapters.get(chapterKey(6, 2))!.first);
    expect(printedPages(realPlan, partPath(6), packages).start).toBe(spans.parts.get(6)!.first);
    expect(printedPages(realPlan, '/', packages).start).toBeNull();
    expect(printedPages(realPlan, packagePath(4), packages).start).toBe(realPlan.appendix.page);
    expect(printedPages(realPlan, packagePath(5), packages).start).toBe(217);
    const boxes = printedPages(realPlan, BOXES_PATH, packages);
    expect(boxes.places.length).toBe(10);
    expect(boxes.places.every((p) => /^第.+篇$/.test(p.part ?? '') && p.first <= p.last)).toBe(true);
  });
});

describe('excerpts', () => {
  it('set a heading apart from the text after it', () => {
    const heading = ['一、', '实', '现', '碳', '达', '峰', '后', '稳', '中', '有', '降'];
    const words = ['前', '文。', ...heading, '坚', '持', '先', '立', '后', '破'];
    const anchors = [anchor('h2', 'section-1', 2, heading.join(' '))];
    const parts = excerptAround(words, 5, 8, [[5, 8]], 16, 40, headingBreaks(anchors));
    const text = parts.map((p) => p.text).join('');
    expect(text).toBe(`前文。${EXCERPT_BREAK}一、实现碳达峰后稳中有降${EXCERPT_BREAK}坚持先立后破`);
    expect(text).not.toContain('降坚');
    expect(parts.filter((p) => p.break).length).toBe(2);
  });
});

function part9(): string {
  return partFilterValue(realPlan.parts[8]!);
}
