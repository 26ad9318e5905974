/**
 * Search in a real browser (Debian chromium via playwright-core): a query
 * from the header dialog (`/`, Ctrl+K), a filtered query on /search/, a
 * shared `?q=` URL that restores the search, and a result that lands on the
 * section or box holding the hit with the hit marked — also for a build
 * deployed under /plan/. Screenshots go to tests/.tmp/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageMap } from '../../src/search/page-map';
import { partFilterValue } from '../../src/search/filters';
import { plan as convertedPlan } from '../helpers/real-plan';
import { DEFAULT_BUILD, SUBPATH_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';
import { closeContexts, sharedBrowser } from './test-browser';

const SHOTS = path.join(TMP, 'screenshots');

let browser: Browser;
let server: StaticServer;
let map: PageMap;
// The model as the build converts it; read here, before the build is done, to name the tests.
const plan = convertedPlan;
const part9 = partFilterValue(plan.parts[8]!);

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  map = JSON.parse(readFileSync(path.join(outDir, 'search/pages.json'), 'utf8')) as PageMap;
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

async function open(url: string, origin = server.origin, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(origin + url);
  return page;
}

/** Waits until the result list `list` shows the results of `query`; returns their site paths. */
async function resultsFor(page: Page, list: string, query: string): Promise<string[]> {
  await page.waitForFunction(
    ({ list, query }) => {
      const el = document.querySelector(list);
      return el?.getAttribute('data-query') === query && el.getAttribute('aria-busy') === 'false';
    },
    { list, query },
  );
  return page.locator(`${list} > li`).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.url!));
}

const pageOf = (url: string) => map.pages.find((p) => p.url === url)!;

/** `3 个页面、12 处` read back. */
function parseCount(text: string): { pages: number; hits: number } {
  const match = /^(\d+) 个页面、(\d+) 处$/.exec(text.trim());
  if (!match) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return { pages: Number(match[1]), hits: Number(match[2]) };
}

/** Points at the filters, which then show their counts (worked out only once the filters are used); waits for them. */
async function useFilters(page: Page): Promise<void> {
  await page.hover('.search-filter-types');
  await page.waitForFunction(() => [...document.querySelectorAll('.search-filter-types .search-filter-count')].every((el) => el.textContent !== ''));
}

/** The hits the result list shows, summed over its pages. */
const listedHits = (page: Page) =>
  page.locator('#search-page-results > li > .search-result-head .search-count').evaluateAll((els) =>
    els.reduce((n, el) => n + Number(/^(\d+) 处$/.exec(el.textContent ?? '')?.[1] ?? NaN), 0),
  );

describe('header search', () => {
  it('opens with / from any page, searches as you type, and closes with Esc', async () => {
    const page = await open('/part-1/chapter-1/');
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'site-search-input');
    expect(await page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.type('碳达峰');
    const urls = await resultsFor(page, '#site-search-results', '碳达峰');
    expect(urls).toContain('/part-9/chapter-3/');
    expect(await page.locator('dialog [role="status"]').innerText()).toMatch(/^“碳达峰”见于 \d+ 个页面、\d+ 处。$/);
    // The places of the hits, linked with the query to mark.
    const places = await page.locator('#site-search-results .search-place-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(places).toContain(`/part-9/chapter-3/?highlight=${encodeURIComponent('碳达峰')}#section-1`);
    await page.screenshot({ path: path.join(SHOTS, 'search-dialog-1280.png') });
    // ↓ moves from the input into the results.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-search-results') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') ?? null)).toBeNull();
    // Opened from its button, the dialog gives focus back to it.
    await page.click('button[data-open-modal]');
    expect(await page.inputValue('#site-search-input')).toBe('碳达峰');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.matches('button[data-open-modal]'))).toBe(true);
    await page.context().close();
  });

  it('opens with Ctrl+K, and Enter takes the query to the search page', async () => {
    const page = await open('/part-3/');
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.id === 'site-search-input');
    await page.keyboard.type('RCEP');
    await resultsFor(page, '#site-search-results', 'RCEP');
    await Promise.all([page.waitForURL('**/search/?q=RCEP'), page.keyboard.press('Enter')]);
    expect(await resultsFor(page, '#search-page-results', 'RCEP')).toEqual(expect.arrayContaining(['/part-7/chapter-2/']));
    expect(await page.inputValue('#search-page-input')).toBe('RCEP');
    await page.context().close();
  });

  it('shows only a search icon on a phone, and the dialog fills the screen', async () => {
    const page = await open('/', server.origin, 375);
    await page.click('button[data-open-modal]');
    await page.keyboard.type('5G');
    await resultsFor(page, '#site-search-results', '5G');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'search-dialog-375.png') });
    await page.context().close();
  });
});

describe('search page', () => {
  it('filters by type and by 篇, with counts that match the list they give, and keeps the filters in the URL', async () => {
    const page = await open('/search/');
    await page.fill('#search-page-input', '低碳');
    await page.press('#search-page-input', 'Enter');
    const all = await resultsFor(page, '#search-page-results', '低碳');
    expect(all.length).toBeGreaterThan(5);
    // No counts (and no page read for them) until the filters are used.
    expect(await page.locator('.search-filter-types .search-filter-count').first().textContent()).toBe('');
    await useFilters(page);
    const boxLabel = page.locator('label', { has: page.locator('input[name="type"][value="专栏"]') });
    const boxCount = parseCount(await boxLabel.locator('.search-filter-count').innerText());

    await boxLabel.locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '专栏');
    const boxes = await resultsFor(page, '#search-page-results', '低碳');
    expect(boxes.length).toBe(boxCount.pages);
    expect(boxes.every((url) => pageOf(url).type.includes('专栏'))).toBe(true);
    expect(await listedHits(page)).toBe(boxCount.hits);
    expect(await page.locator('.search-page [role="status"]').innerText()).toMatch(
      new RegExp(`^筛选后：“低碳”见于 ${boxCount.pages} 个页面、${boxCount.hits} 处（未筛选时 \\d+ 个页面、\\d+ 处）。$`),
    );
    // Every place listed is a 专栏 box.
    const places = await page.locator('#search-page-results .search-place-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((href) => /#box-\d+$/.test(href))).toBe(true);

    // The 篇 are folded away until asked for.
    expect(await page.locator(`input[name="part"][value="${part9}"]`).isVisible()).toBe(false);
    await page.click('.search-filter-parts summary');
    await page.locator(`input[name="part"][value="${part9}"]`).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('part').length === 1);
    const both = await resultsFor(page, '#search-page-results', '低碳');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((url) => pageOf(url).type.includes('专栏') && pageOf(url).part.includes(part9))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'search-page-filtered-1280.png') });

    await page.click('.search-clear');
    expect(await resultsFor(page, '#search-page-results', '低碳')).toEqual(all);
    expect(new URL(page.url()).searchParams.getAll('type')).toEqual([]);
    await page.context().close();
  });

  it('counts the 指标 filter by hits inside the indicators table, and returns the table, not chapter prose', async () => {
    // 碳中和 is in the prose of the chapter that holds the table, not in the table: 指标 gives nothing.
    const none = await open(`/search/?q=${encodeURIComponent('碳中和')}&type=${encodeURIComponent('指标')}`);
    expect(await resultsFor(none, '#search-page-results', '碳中和')).toEqual([]);
    const noneLabel = none.locator('label', { has: none.locator('input[name="type"][value="指标"]') });
    expect(await noneLabel.locator('.search-filter-count').innerText()).toBe('0 个页面、0 处');
    expect(await none.locator('.search-page [role="status"]').innerText()).toMatch(/^“碳中和”见于 \d+ 个页面、\d+ 处，但没有符合筛选条件的结果。$/);
    await none.context().close();

    // 碳排放 is in the table (碳排放降幅) and in prose: 指标 lists only the table's rows, on both pages that show it.
    const page = await open(`/search/?q=${encodeURIComponent('碳排放')}&type=${encodeURIComponent('指标')}`);
    const urls = await resultsFor(page, '#search-page-results', '碳排放');
    expect(new Set(urls)).toEqual(new Set(['/indicators/', '/part-1/chapter-3/']));
    const places = await page.locator('#search-page-results .search-place-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
    expect(places.length).toBeGreaterThan(0);
    // Rows of the table (`#indicators-N`) or the table itself: never a section of prose.
    expect(places.every((hash) => /^#indicators(-\d+)?$/.test(hash)), places.join(' ')).toBe(true);
    const label = page.locator('label', { has: page.locator('input[name="type"][value="指标"]') });
    const count = parseCount(await label.locator('.search-filter-count').innerText());
    expect(count.pages).toBe(urls.length);
    expect(await listedHits(page)).toBe(count.hits);
    await page.context().close();
  });

  it('has type counts that add up to the hits found (中关村), in N 个页面、M 处, never 页 alone', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('中关村')}`);
    const urls = await resultsFor(page, '#search-page-results', '中关村');
    const status = await page.locator('.search-page [role="status"]').innerText();
    const [, pages, hits] = /^“中关村”见于 (\d+) 个页面、(\d+) 处。$/.exec(status) ?? [];
    expect(Number(pages)).toBe(urls.length);
    expect(await listedHits(page)).toBe(Number(hits));
    await useFilters(page);
    const counts = await page.locator('input[name="type"]').evaluateAll((boxes) =>
      boxes.map((b) => b.closest('label')!.querySelector('.search-filter-count')!.textContent ?? ''),
    );
    for (const text of counts) expect(text).toMatch(/^\d+ 个页面、\d+ 处$/);
    expect(counts.map(parseCount).reduce((n, c) => n + c.hits, 0)).toBe(Number(hits));
    await page.context().close();
  });

  it('restores a shared ?q= URL with its filters, and Back restores the previous search', async () => {
    const url = `/search/?q=${encodeURIComponent('碳达峰')}&type=${encodeURIComponent('正文')}&part=${encodeURIComponent(part9)}`;
    const page = await open(url);
    const shared = await resultsFor(page, '#search-page-results', '碳达峰');
    expect(shared).toEqual(['/part-9/chapter-3/', '/part-9/']);
    expect(await page.inputValue('#search-page-input')).toBe('碳达峰');
    expect(await page.locator(`input[name="type"][value="正文"]`).isChecked()).toBe(true);
    expect(await page.locator(`input[name="part"][value="${part9}"]`).isChecked()).toBe(true);
    expect(await page.locator('.search-filter-parts').getAttribute('open')).not.toBeNull();
    expect(await page.title()).toContain('碳达峰');

    // Typed, and submitted only after the results as you type came (a pause
    // longer than the typing debounce), or at once: Back restores the shared search.
    for (const [query, pause] of [['冬奥', true], ['雄安', false]] as const) {
      await page.fill('#search-page-input', query);
      if (pause) await resultsFor(page, '#search-page-results', query);
      await page.press('#search-page-input', 'Enter');
      await resultsFor(page, '#search-page-results', query);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      await page.goBack();
      expect(await resultsFor(page, '#search-page-results', '碳达峰')).toEqual(shared);
      expect(await page.inputValue('#search-page-input')).toBe('碳达峰');
    }
    await page.context().close();
  });

  it('gives a caller of /pagefind/pagefind.js the search page’s results in the same order, title and heading first', async () => {
    // 创新, 新发展格局 and 京津冀协同发展: the page whose title holds the term is not the one with the most occurrences.
    for (const term of ['创新', '新发展格局', '京津冀协同发展', '碳达峰', '“两区”', '冬奥 场馆']) {
      const page = await open(`/search/?q=${encodeURIComponent(term)}`);
      const shown = await resultsFor(page, '#search-page-results', term);
      expect(shown.length, term).toBeGreaterThan(0);
      // As a script of the page would call it (a string: the test runner rewrites import() in functions).
      const fromBundle = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const response = await pagefind.search(${JSON.stringify(term)});
        return Promise.all(response.results.map(async (r) => ({ url: (await r.data()).url, rank: r.rank })));
      })()`)) as { url: string; rank: string }[];
      expect(shown, term).toEqual(fromBundle.map((r) => r.url));
      if (['创新', '新发展格局', '京津冀协同发展'].includes(term)) expect(fromBundle[0]!.rank, term).toBe('title');
      await page.context().close();
    }
  });

  it('announces the result count in a live region and is usable by keyboard alone', async () => {
    const page = await open('/search/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    await page.keyboard.type('两区');
    await resultsFor(page, '#search-page-results', '两区');
    const status = page.locator('.search-page [role="status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.innerText()).toMatch(/^“两区”见于 \d+ 个页面、\d+ 处。$/);
    // Tab goes from the field through the filters to the results.
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.includes('result'); i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement!;
          if (el.closest('#search-page-results')) return 'result';
          if (el.matches('input[type="checkbox"]')) return 'filter';
          return el.tagName.toLowerCase();
        }),
      );
    }
    expect(reached.indexOf('filter')).toBeGreaterThan(-1);
    expect(reached.indexOf('result')).toBeGreaterThan(reached.indexOf('filter'));
    await page.context().close();
  });

  it('says so when nothing is found', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('不存在的词语甲乙丙')}`);
    expect(await resultsFor(page, '#search-page-results', '不存在的词语甲乙丙')).toEqual([]);
    expect(await page.locator('.search-page [role="status"]').innerText()).toBe('没有找到包含“不存在的词语甲乙丙”的页面。');
    await page.context().close();
  });
});

describe('landing on a result', () => {
  /** The hits marked on the page, and where the first one after the target stands. */
  const landing = (page: Page) =>
    page.evaluate(() => {
      const target = document.querySelector(':target');
      const marks = [...document.querySelectorAll('mark.search-hit')];
      const after = marks.find((m) => target && (target.contains(m) || target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING));
      const box = after?.getBoundingClientRect();
      const nextHeading = target ? [...document.querySelectorAll('main h2[id]')].find((h) => target.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
      return {
        target: target?.id ?? null,
        marks: marks.map((m) => m.textContent),
        insideTarget: !!(after && target?.contains(after)),
        beforeNextHeading: !!(after && (!nextHeading || after.compareDocumentPosition(nextHeading) & Node.DOCUMENT_POSITION_FOLLOWING)),
        inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
      };
    });

  it('opens the section holding the hit, with the hit marked and in view', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('碳达峰')}`);
    await resultsFor(page, '#search-page-results', '碳达峰');
    const link = page.locator('#search-page-results a[href*="/part-9/chapter-3/"][href$="#section-1"]').first();
    await Promise.all([page.waitForURL('**/part-9/chapter-3/?highlight=*#section-1'), link.click()]);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.searchHits !== undefined);
    const landed = await landing(page);
    expect(landed.target).toBe('section-1');
    expect(landed.marks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(landed.marks)).toEqual(new Set(['碳达峰']));
    expect(landed.beforeNextHeading).toBe(true);
    expect(landed.inView).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'search-landed-section-1280.png') });
    await page.context().close();
  });

  it('opens the 专栏 box holding the hit', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('碳普惠平台')}`);
    const urls = await resultsFor(page, '#search-page-results', '碳普惠平台');
    expect(urls[0]).toBe('/part-9/chapter-3/');
    const link = page.locator('#search-page-results .search-place-link').first();
    expect(await link.getAttribute('href')).toMatch(/#box-7$/);
    await Promise.all([page.waitForURL('**#box-7'), link.click()]);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.searchHits !== undefined);
    const landed = await landing(page);
    expect(landed.target).toBe('box-7');
    expect(landed.insideTarget).toBe(true);
    expect(landed.inView).toBe(true);
    await page.context().close();
  });

  it('marks a term split by a page marker, and punctuation-insensitive terms', async () => {
    // 增<page 151>加森林碳汇: the marker stands inside the word.
    const page = await open(`/part-9/chapter-3/?highlight=${encodeURIComponent('增加森林碳汇 “两网融合”')}`);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.searchHits !== undefined);
    const marks = await page.locator('mark.search-hit').allInnerTexts();
    expect(marks.join('|')).toContain('增|加森林碳汇');
    expect(marks).toContain('两网融合');
    // The page's text is unchanged by the marks.
    expect(await page.locator('#page-151').getAttribute('aria-label')).toBe('第151页');
    await page.context().close();
  });
});

describe('results that read like a reference work', () => {
  it('says the index is loading while it loads, in the polite live region', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // The bundle is held back until the panel has been seen saying so.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.origin}/`);
    await page.click('button[data-open-modal]');
    await page.keyboard.type('碳达峰');
    const status = page.locator('dialog [role="status"]');
    await page.waitForFunction(() => document.querySelector('dialog [role="status"]')?.textContent === '正在载入索引…');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.screenshot({ path: path.join(SHOTS, 'search-dialog-loading-390.png') });
    release();
    await resultsFor(page, '#site-search-results', '碳达峰');
    expect(await status.innerText()).toMatch(/^“碳达峰”见于 \d+ 个页面、\d+ 处。$/);
    await context.close();
  });

  it('shows each hit’s printed page: the page of the marker before it on the page it opens', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('城市副中心')}`);
    const urls = await resultsFor(page, '#search-page-results', '城市副中心');
    expect(urls[0]).toBe('/part-6/chapter-2/');
    const places = await page.locator('#search-page-results > li').first().locator('.search-place').evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, printed: li.querySelector('.search-printed-page')?.textContent ?? '' })),
    );
    expect(places.length).toBeGreaterThan(1);
    for (const { href, printed } of places) {
      expect(printed).toMatch(/^印刷版第\d+页$/);
      // On the page the hit opens, the first hit of the place stands after the marker of that printed page, before the next.
      const landed = await open(href);
      await landed.waitForFunction(() => document.querySelector('main')?.dataset.searchHits !== undefined);
      const onPage = await landed.evaluate(() => {
        const current = document.querySelector('mark.search-hit-current')!;
        const markers = [...document.querySelectorAll<HTMLElement>('main a.page-marker')];
        const before = markers.filter((m) => m.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING);
        return before.at(-1)?.dataset.page ?? null;
      });
      if (onPage !== null) expect(printed, href).toBe(`印刷版第${onPage}页`);
      await landed.context().close();
    }
    await page.context().close();
  });

  it('sets a heading apart from its text in a snippet', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('碳达峰')}`);
    await resultsFor(page, '#search-page-results', '碳达峰');
    const excerpts = await page.locator('#search-page-results .search-excerpt').allInnerTexts();
    const joined = excerpts.join('\n');
    expect(joined).toContain('一、实现碳达峰后稳中有降 ｜ 坚持');
    expect(joined).not.toContain('稳中有降坚持');
    expect(await page.locator('.search-excerpt-break').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('offers the jump to a printed page for 56页 or 第56页, within the plan’s pages', async () => {
    const page = await open('/part-1/');
    await page.keyboard.press('/');
    await page.keyboard.type('第56页');
    const jump = page.locator('dialog .search-offer a');
    await jump.waitFor();
    expect(await jump.innerText()).toBe('跳至印刷版第56页');
    expect(await jump.getAttribute('href')).toBe('/page/56/');
    // ↓ reaches the jump first.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳至印刷版第56页');
    await Promise.all([page.waitForURL('**#page-56'), page.keyboard.press('Enter')]);
    await page.context().close();

    const search = await open(`/search/?q=${encodeURIComponent('56页')}`);
    await search.locator('.search-page .search-offer a[href="/page/56/"]').waitFor();
    const last = await search.locator('.search-page').getAttribute('data-last-page');
    await search.fill('#search-page-input', `${Number(last) + 1}页`);
    await search.locator('.search-page .search-offer p:not(:has(a))').waitFor();
    expect(await search.locator('.search-page .search-offer').innerText()).toBe(`印刷版共${last}页，没有第${Number(last) + 1}页（可跳至第1–${last}页）。`);
    await search.context().close();
  });

  it('names no keys in the phone hint, and does on a desktop', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(`${server.origin}/part-9/chapter-3/`);
    await phone.click('button[data-open-modal]');
    await phone.keyboard.type('碳达峰');
    await resultsFor(phone, '#site-search-results', '碳达峰');
    const hint = await phone.locator('#site-search-hint').innerText();
    expect(hint).toContain('输入即搜');
    expect(hint).not.toMatch(/↓|Esc|Enter|键/);
    await phone.screenshot({ path: path.join(SHOTS, 'search-dialog-phone-390.png') });
    await context.close();
    const desktop = await open('/part-9/chapter-3/');
    await desktop.click('button[data-open-modal]');
    expect(await desktop.locator('#site-search-hint').innerText()).toContain('Esc');
    await desktop.context().close();
  });
});

describe('the hit bar on the page a result opens', () => {
  it('moves between hits by keyboard, announces 第 n/N 处, and clears the marks', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/part-9/chapter-3/?highlight=${encodeURIComponent('碳达峰')}#section-1`);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.searchHits !== undefined);
    const total = Number(await page.locator('main').getAttribute('data-search-hits'));
    expect(total).toBeGreaterThanOrEqual(2);
    const bar = page.locator('.search-hit-bar');
    const position = bar.locator('[aria-live="polite"]');
    const at = await page.evaluate(() => [...document.querySelectorAll('mark.search-hit')].indexOf(document.querySelector('mark.search-hit-current')!));
    expect(await position.innerText()).toBe(`第 ${at + 1}/${total} 处`);
    expect(await bar.innerText()).toMatch(/上一处[\s\S]*下一处[\s\S]*清除标记/);
    await page.screenshot({ path: path.join(SHOTS, 'search-hit-bar-390.png') });

    // By keyboard: focus 下一处 and press Enter; the next hit becomes current and comes into view.
    await bar.getByRole('button', { name: '下一处' }).focus();
    await page.keyboard.press('Enter');
    expect(await position.innerText()).toBe(`第 ${((at + 1) % total) + 1}/${total} 处`);
    const inView = await page.evaluate(() => {
      const box = document.querySelector('mark.search-hit-current')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await position.innerText()).toBe(`第 ${at + 1}/${total} 处`);

    await bar.getByRole('button', { name: '清除标记' }).click();
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    expect(await bar.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('highlight')).toBe(false);
    expect(new URL(page.url()).hash).toBe('#section-1');
    // The page's text is whole again.
    expect(await page.locator('#section-1').innerText()).toContain('实现碳达峰后稳中有降');
    await context.close();
  });

  it('loads the marking and hit-bar code only when the address carries a search', async () => {
    const plain = await open('/part-9/chapter-3/');
    await plain.waitForLoadState('load');
    const scripts = () => plain.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /highlight-hits/.test(n)));
    expect(await scripts()).toEqual([]);
    expect(await plain.locator('.search-hit-bar').count()).toBe(0);
    await plain.context().close();
    const searched = await open(`/part-9/chapter-3/?highlight=${encodeURIComponent('碳达峰')}`);
    await searched.locator('.search-hit-bar').waitFor();
    await searched.context().close();
  });
});

describe('search under a base path', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await ensureBuilt(SUBPATH_BUILD);
  });

  it('searches and links under /plan/', async () => {
    const sub = await serveStatic(outDir, SUBPATH_BUILD.base);
    try {
      const page = await open(`/plan/search/?q=${encodeURIComponent('碳达峰')}`, sub.origin);
      expect(await resultsFor(page, '#search-page-results', '碳达峰')).toContain('/part-9/chapter-3/');
      const hrefs = await page.locator('#search-page-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.every((href) => href.startsWith('/plan/'))).toBe(true);
      await page.context().close();
    } finally {
      await sub.close();
    }
  });
});
