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
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
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

describe('header search', () => {
  it('opens with / from any page, searches as you type, and closes with Esc', async () => {
    const page = await open('/part-1/chapter-1/');
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'site-search-input');
    expect(await page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.type('碳达峰');
    const urls = await resultsFor(page, '#site-search-results', '碳达峰');
    expect(urls).toContain('/part-9/chapter-3/');
    expect(await page.locator('dialog [role="status"]').innerText()).toMatch(/^\d+ 个页面含“碳达峰”，共 \d+ 处。$/);
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
  it('filters by type and by 篇, with counts, and keeps the filters in the URL', async () => {
    const page = await open('/search/');
    await page.fill('#search-page-input', '低碳');
    await page.press('#search-page-input', 'Enter');
    const all = await resultsFor(page, '#search-page-results', '低碳');
    expect(all.length).toBeGreaterThan(5);
    const boxCount = all.filter((url) => pageOf(url).type.includes('专栏')).length;
    const boxLabel = page.locator('label', { has: page.locator('input[name="type"][value="专栏"]') });
    expect(await boxLabel.locator('.search-filter-count').innerText()).toBe(`${boxCount} 页`);

    await boxLabel.locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '专栏');
    const boxes = await resultsFor(page, '#search-page-results', '低碳');
    expect(boxes.length).toBe(boxCount);
    expect(boxes.every((url) => pageOf(url).type.includes('专栏'))).toBe(true);
    expect(await page.locator('.search-page [role="status"]').innerText()).toMatch(/^筛选后 \d+ 个页面含“低碳”/);

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

  it('gives a caller of /pagefind/pagefind.js the search page’s results, in the same order', async () => {
    for (const term of ['碳达峰', '“两区”', '国际科技创新中心', '冬奥 场馆']) {
      const page = await open(`/search/?q=${encodeURIComponent(term)}`);
      const shown = await resultsFor(page, '#search-page-results', term);
      expect(shown.length, term).toBeGreaterThan(0);
      // As a script of the page would call it (a string: the test runner rewrites import() in functions).
      const fromBundle = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const response = await pagefind.search(${JSON.stringify(term)});
        return Promise.all(response.results.map(async (r) => (await r.data()).url));
      })()`)) as string[];
      expect(fromBundle, term).toEqual(shown);
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
    expect(await status.innerText()).toMatch(/^\d+ 个页面含“两区”，共 \d+ 处。$/);
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
