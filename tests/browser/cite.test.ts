/**
 * Citing in a real browser (Debian chromium via playwright-core): the 引用
 * control works by keyboard, copies the exact reference with the reader's
 * date of access and announces it; selecting a sentence offers a link that
 * opens the page scrolled to it; term-index links land on their words; no
 * serious or critical axe finding on the new pages. (The anchor fallback for
 * browsers without text fragments cannot run here: Chromium strips every
 * directive from the URL a page sees. Its parsing is unit-tested in
 * tests/site/text-fragment.test.ts.) Screenshots go to
 * tests/.tmp/screenshots/ for a human to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { quotedTermIndex } from '../../src/site/terms/quoted-terms';
import { chapterSpots, citationRecord, citedWork, titleAndLink, type CitationSpot } from '../../src/site/cite/citation';
import { bibtex, cslJson, gbt7714 as gbtOf, ris } from '../../src/site/cite/reference-formats';
import { planPageSpans } from '../../src/site/plan/page-spans';
import { SITE_TITLE } from '../../src/site/plan/plan-nav';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { chapterPath } from '../../src/site/site-paths';
import { servedUrl } from '../../src/site/client/served-url';
import { seriousViolations } from './axe-audit';
import { closeContexts, sharedBrowser } from './test-browser';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { selectText } from './select-text';
import { serveStatic, type StaticServer } from './static-server';

const SHOTS = path.join(TMP, 'screenshots');
/** A fixed moment for the reader's clock: the access date of the copied reference. */
const NOW = new Date(2031, 3, 5, 10, 0, 0);
const gbt7714 = (work: ReturnType<typeof citedWork>, spot: CitationSpot, accessed: string) => gbtOf(citationRecord(work, spot, accessed));

let browser: Browser;
let server: StaticServer;
let plan: Plan;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  plan = readPlan();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

async function context(width = 1280, height = 900): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return ctx;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** The spots of a chapter as a page served by `server` shows them: their addresses on the server's origin. */
const servedChapterSpots = (part: number, chapter: number) =>
  chapterSpots(plan, planPageSpans(plan), part, chapter, { base: '/' }).map((s) => ({ ...s, url: servedUrl(s.url, server.origin) }));

/** Whether the element holding `text` in the page's content is inside the viewport. */
const textInView = (page: Page, text: string) =>
  page.evaluate((needle) => {
    const el = [...document.querySelectorAll('main .sl-markdown-content :is(p, li, h2, h3)')].find((e) => e.textContent!.includes(needle));
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }, text);

describe('引用 controls', () => {
  it('opens by keyboard, copies the exact reference with today’s date, announces it, and closes with Escape', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(server.origin + chapterPath(5, 3));
    const spots = servedChapterSpots(5, 3);
    const section = spots.find((s) => s.key === 'section-2')!;
    // From the heading's self-link, Tab reaches the control.
    await page.focus('#section-2 ~ a.self-link');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite'))).toBe('section-2');
    expect(await page.getAttribute('button[data-cite="section-2"]', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    // The panel's code and styles load on first use (cite-loader.ts): it shows once they have come.
    await page.locator('#cite-panel').waitFor({ state: 'visible' });
    expect(await page.isVisible('#cite-panel')).toBe(true);
    expect(await page.getAttribute('button[data-cite="section-2"]', 'aria-expanded')).toBe('true');
    expect(await page.textContent('#cite-panel [data-cite-text="gbt"]')).toBe(gbt7714(citedWork(plan), section, '2031-04-05'));
    await page.screenshot({ path: path.join(SHOTS, 'cite-panel-1280.png') });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite-copy'))).toBe('gbt');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await clipboard(page)).toBe(
      `北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 二、支持产学研协同创新[EB/OL]. (2021-01-27)[2031-04-05]: 60-61. ${section.url}`,
    );
    const status = await page.$eval('#cite-status', (el) => ({ role: el.getAttribute('role'), live: el.getAttribute('aria-live'), text: el.textContent }));
    expect(status).toEqual({ role: 'status', live: 'polite', text: '已复制 GB/T 7714-2015 格式的引用' });

    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制标题和链接');
    expect(await clipboard(page)).toBe(titleAndLink(citedWork(plan), section));

    await page.keyboard.press('Escape');
    expect(await page.isVisible('#cite-panel')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite'))).toBe('section-2');
    expect(await page.getAttribute('button[data-cite="section-2"]', 'aria-expanded')).toBe('false');
    await ctx.close();
  });

  it('takes the access date when the reader copies, and cites a box and the chapter too', async () => {
    const ctx = await context(375, 740);
    const page = await ctx.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(server.origin + chapterPath(5, 3));
    const spots = servedChapterSpots(5, 3);
    await page.click('button[data-cite="box-3"]');
    await page.screenshot({ path: path.join(SHOTS, 'cite-panel-box-375.png') });
    // The panel opened on one day; the reader copies on the next.
    await page.clock.setFixedTime(new Date(2031, 3, 6, 9, 0, 0));
    await page.click('#cite-panel button[data-cite-copy="gbt"]');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await clipboard(page)).toBe(gbt7714(citedWork(plan), spots.find((s) => s.key === 'box-3')!, '2031-04-06'));
    await page.click('button[data-cite="_top"]');
    await page.click('#cite-panel button[data-cite-copy="gbt"]');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await clipboard(page)).toBe(gbt7714(citedWork(plan), spots[0]!, '2031-04-06'));
    expect(await page.getAttribute('button[data-cite="box-3"]', 'aria-expanded')).toBe('false');
    await ctx.close();
  });
});

describe('references for reference managers', () => {
  it('offers RIS, BibTeX and CSL-JSON of the same record, copied with today’s date', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(server.origin + chapterPath(5, 3));
    const spot = servedChapterSpots(5, 3).find((s) => s.key === 'section-1')!;
    const record = citationRecord(citedWork(plan), spot, '2031-04-05');
    await page.click('button[data-cite="section-1"]');
    await page.click('#cite-panel details.cite-managers > summary');
    for (const [key, text, message] of [
      ['ris', ris(record), '已复制 RIS 格式的引用'],
      ['bibtex', bibtex(record), '已复制 BibTeX 格式的引用'],
      ['csl', cslJson(record), '已复制 CSL-JSON 格式的引用'],
    ] as const) {
      expect(await page.textContent(`#cite-panel [data-cite-text="${key}"]`)).toBe(text);
      await page.click(`#cite-panel button[data-cite-copy="${key}"]`);
      await page.waitForFunction((m) => document.getElementById('cite-status')!.textContent === m, message);
      expect(await clipboard(page)).toBe(text);
    }
    // The RIS file, as EndNote imports it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cite-panel button[data-cite-download="ris"]')]);
    expect(download.suggestedFilename()).toBe('beijing-plan-2021-part-5-chapter-3-section-1.ris');
    await page.screenshot({ path: path.join(SHOTS, 'cite-panel-managers-1280.png'), fullPage: false });
    await ctx.close();
  });

  it('gives 篇 and 章 pages Highwire Press citation tags with the printed pages', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const tags = async (url: string) => {
      await page.goto(server.origin + url);
      return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLMetaElement>('head meta[name^="citation_"]')].map((m) => [m.name, m.content])));
    };
    const span = planPageSpans(plan).chapters.get('7/4')!;
    expect(span).toEqual({ first: plan.parts[6]!.chapters[3]!.page, last: 108 });
    expect(await tags(chapterPath(7, 4))).toEqual({
      citation_title: `${plan.title}: 第七篇 第四章 ${plan.parts[6]!.chapters[3]!.title}`,
      citation_author: '北京市人民政府',
      citation_technical_report_institution: '北京市人民政府',
      citation_publication_date: '2021/01/27',
      citation_language: 'zh',
      citation_firstpage: String(span.first),
      citation_lastpage: String(span.last),
    });
    expect(await tags('/part-5/')).toMatchObject({ citation_title: `${plan.title}: 第五篇 加快建设国际科技创新中心`, citation_firstpage: '46', citation_lastpage: '64' });
    // The whole plan: no pages.
    const whole = await tags('/');
    expect(whole.citation_title).toBe(plan.title);
    expect(whole.citation_firstpage).toBeUndefined();
    await ctx.close();
  });
});

describe('引用 everywhere a reader cites', () => {
  /** Opens the 引用 control `selector` on `url` and returns the GB/T reference it copies. */
  async function copied(url: string, selector: string): Promise<string> {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(server.origin + url);
    await page.click(selector);
    await page.click('#cite-panel button[data-cite-copy="gbt"]');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    const text = await clipboard(page);
    await ctx.close();
    return text;
  }
  const head = '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';

  it('cites a row of the indicators table on /indicators/ and in 第一篇第三章, and the table itself', async () => {
    const origin = server.origin;
    expect(await copied('/indicators/', 'button[data-cite="indicators-8"]')).toBe(
      `${head}: 主要指标 第8项 细颗粒物年均浓度[EB/OL]. (2021-01-27)[2031-04-05]: 14. ${origin}/indicators/#indicators-8`,
    );
    expect(await copied('/indicators/', 'button[data-cite="indicators-2"]')).toContain(': 主要指标 第2项 每万人口高价值发明专利拥有量[EB/OL]. (2021-01-27)[2031-04-05]: 13. ');
    expect(await copied('/indicators/', 'button[data-cite="_top"]')).toBe(
      `${head}: “十四五”时期经济社会发展主要指标[EB/OL]. (2021-01-27)[2031-04-05]: 13-14. ${origin}/indicators/`,
    );
    expect(await copied(chapterPath(1, 3), 'button[data-cite="indicators-8"]')).toBe(
      `${head}: 主要指标 第8项 细颗粒物年均浓度[EB/OL]. (2021-01-27)[2031-04-05]: 14. ${origin}${chapterPath(1, 3)}#indicators-8`,
    );
    expect(await copied(chapterPath(1, 3), 'button[data-cite="indicators"]')).toBe(
      `${head}: “十四五”时期经济社会发展主要指标[EB/OL]. (2021-01-27)[2031-04-05]: 13-14. ${origin}${chapterPath(1, 3)}#indicators`,
    );
  });

  it('cites each entry of /boxes/ at its place in its chapter, and the whole plan on / and /full/', async () => {
    const box3 = await copied('/boxes/', 'button[data-cite="box-3"]');
    const origin = server.origin;
    expect(box3).toBe(`${head}: 专栏3 小微企业协同创新星火计划[EB/OL]. (2021-01-27)[2031-04-05]: 59. ${origin}${chapterPath(5, 3)}#box-3`);
    expect(await copied('/', 'button[data-cite="_top"]')).toBe(`${head}[EB/OL]. (2021-01-27)[2031-04-05]. ${origin}/`);
    expect(await copied('/full/', 'button[data-cite="_top"]')).toBe(`${head}[EB/OL]. (2021-01-27)[2031-04-05]. ${origin}/full/`);
  });
});

/**
 * The characters of the page's content that the browser highlights as the
 * target of a text fragment: `::target-text` is painted a colour no page
 * uses, the viewport is captured, and each character whose box shows that
 * colour counts.
 */
async function highlightedText(page: Page): Promise<string> {
  await page.addStyleTag({ content: '::target-text { background-color: rgb(255, 0, 255) !important; color: rgb(255, 0, 255) !important; }' });
  const shot = (await page.screenshot()).toString('base64');
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const scale = image.width / innerWidth;
    let out = '';
    const walker = document.createTreeWalker(document.querySelector('main .sl-markdown-content')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.length; i++) {
        if (node.data[i]!.trim() === '') continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.top < 0 || box.bottom > innerHeight) continue;
        // The middle of the character's box: under the glyph, painted the same colour.
        const [r, g, b] = ctx.getImageData(Math.floor((box.left + box.width / 2) * scale), Math.floor((box.top + box.height / 2) * scale), 1, 1).data;
        if (r! > 220 && g! < 40 && b! > 220) out += node.data[i];
      }
    }
    return out;
  }, shot);
}

describe('link to the selected text', () => {
  const SENTENCE = '支持企业联合科研机构、高校、社会服务机构等共同发起建立产业技术创新战略联盟，推动基础研究、应用研究与技术创新对接融通。';

  it('copies a link that opens the page scrolled to the sentence', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + chapterPath(5, 3));
    const selected = await selectText(page, SENTENCE);
    expect(selected).toBe(SENTENCE);
    const button = page.locator('button.selection-link');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe('复制链接到所选文字');
    await page.screenshot({ path: path.join(SHOTS, 'selection-link-1280.png') });
    await button.click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制所选文字的链接');
    const link = await clipboard(page);
    const pageUrl = `${server.origin}${chapterPath(5, 3)}`;
    expect(link.startsWith(`${pageUrl}#section-2:~:text=`), link).toBe(true);
    expect(decodeURIComponent(link)).toContain(SENTENCE.slice(0, 10));
    // The selection is still there after the click.
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(SENTENCE);

    const opened = await ctx.newPage();
    await opened.goto(link);
    await opened.waitForFunction(() => scrollY > 0);
    expect(await textInView(opened, SENTENCE)).toBe(true);
    await opened.screenshot({ path: path.join(SHOTS, 'selection-link-opened-1280.png') });
    await ctx.close();
  });

  it('copies the quoted words with their reference, their printed page and the link (复制引文)', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(server.origin + chapterPath(5, 3));
    expect(await selectText(page, SENTENCE)).toBe(SENTENCE);
    const quote = page.locator('button.selection-quote');
    await quote.waitFor({ state: 'visible' });
    expect(await quote.textContent()).toBe('复制引文');
    await quote.click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制引文及其出处');
    const [words, reference] = (await clipboard(page)).split('\n');
    expect(words).toBe(`“${SENTENCE}”`);
    // The section it is in; page 60, where the sentence stands (the section spans 60-61); the link to the words as the URL.
    const origin = server.origin;
    expect(reference).toMatch(
      new RegExp(`^北京市人民政府\\. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 二、支持产学研协同创新\\[EB/OL\\]\\. \\(2021-01-27\\)\\[2031-04-05\\]: 60\\. ${origin}${chapterPath(5, 3)}#section-2:~:text=`),
    );
    await ctx.close();
  });

  it('links a long selection by its first and last words, and the link lands on exactly those words', async () => {
    const LONG = `${SENTENCE}支持企业牵头创建工程研究中心等协同创新平台，推动形成优势互补、互惠多赢的产学研合作关系。`;
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + chapterPath(5, 3));
    expect(await selectText(page, LONG)).toBe(LONG);
    const button = page.locator('button.selection-link');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制所选文字的链接');
    const link = await clipboard(page);
    const directive = decodeURIComponent(link.slice(link.indexOf(':~:text=') + ':~:text='.length));
    // The short form: start and end, no more than a few words each.
    const [start, end, ...rest] = directive.split(',');
    expect(rest).toEqual([]);
    expect(LONG.startsWith(start!) && LONG.endsWith(end!), directive).toBe(true);
    expect(start!.length + end!.length).toBeLessThan(LONG.length / 2);

    const opened = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
    await opened.goto(link.replace(new URL(link).origin, server.origin));
    await opened.waitForFunction(() => scrollY > 0);
    expect(await highlightedText(opened)).toBe(LONG);
    await opened.screenshot({ path: path.join(SHOTS, 'selection-long-opened-1280.png') });
    await opened.context().close();
    await ctx.close();
  });

  it('offers nothing for a selection of site text, and follows the selection by keyboard', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + chapterPath(5, 3));
    const select = (selector: string) => page.evaluate((s) => getSelection()!.selectAllChildren(document.querySelector(s)!), selector);
    // A heading's words offer the button; then site text (the breadcrumbs) takes it away again.
    await select('#section-1');
    await page.locator('button.selection-link').waitFor({ state: 'visible' });
    await select('.breadcrumbs');
    await page.locator('button.selection-link').waitFor({ state: 'hidden' });
    // Select the heading again, with the keyboard's help: the button comes next in the Tab order.
    await select('#section-1');
    await page.locator('button.selection-link').waitFor({ state: 'visible' });
    await page.focus('#section-1 ~ button.cite-button');
    // After the heading's own controls, Tab reaches the selection link placed right after the heading.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('selection-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制所选文字的链接');
    expect(decodeURIComponent(await clipboard(page))).toMatch(/#section-1:~:text=.*增强企业创新内生动力/);
    await ctx.close();
  });
});

describe('term index links', () => {
  it('lands a term-index link on its words, deep in the page', async () => {
    const index = quotedTermIndex(plan, { navigation: [SITE_TITLE] });
    // An occurrence far down a long chapter, reached from /terms/ by a click.
    const term = index.terms.find((t) => t.term === '“一带一路”')!;
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + '/terms/');
    const links = page.locator(`[id="${term.id}"] .term-places a`);
    const count = await links.count();
    expect(count).toBe(term.occurrences.length);
    const last = links.nth(count - 1);
    const href = await last.getAttribute('href');
    const o = term.occurrences.at(-1)!;
    expect(o.fragment).toBe(true);
    await Promise.all([page.waitForURL((url) => url.pathname === href!.split('#')[0]), last.click()]);
    await page.waitForFunction(() => scrollY > 0);
    expect(await textInView(page, o.prefix + term.term + o.suffix)).toBe(true);
    await ctx.close();
  });
});

describe('accessibility and layout of the new pages', () => {
  /**
   * Serious and critical findings; in the dark theme of the colour rules only
   * (axe-audit.ts says why). What is audited where, each thing once:
   * - /terms/ and /data/ (in no other audit) whole in each view, except that
   *   on a phone /terms/ is audited without its entries after the first
   *   letter's: the entries are one template whose colours do not depend on
   *   the width (reference.css sets them for every width), and they are
   *   audited in every rule and both themes at 1280 px. The chrome around them,
   *   which does change on a phone, is audited whole.
   * - the chapter: the open citation panel and the control that opened it;
   *   the rest of a chapter page is the accessibility gate's
   *   (tests/gates/a11y.test.ts audits the longest chapter, light and dark,
   *   at 1280 px and on a 375 px phone).
   */
  async function serious(page: Page, colorScheme: 'light' | 'dark', region: { include?: string[]; exclude?: string[] } = {}): Promise<string[]> {
    const findings = await seriousViolations(page, { coloursOnly: colorScheme === 'dark', ...region });
    return findings.map((f) => `${f.id}: ${f.targets.join(', ')}`);
  }

  // One test per view (three axe runs each), so that each has the test's time to itself.
  const views = [['light', 1280], ['dark', 1280], ['light', 375], ['dark', 375]] as const;
  for (const [colorScheme, width] of views) {
    it(`has no serious or critical axe finding on /terms/, /data/ and a chapter's open citation panel, ${colorScheme}, ${width} px`, async () => {
      const ctx = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      for (const url of ['/terms/', '/data/']) {
        await page.goto(server.origin + url);
        const region = url === '/terms/' && width < 1280 ? { exclude: ['.terms-group + .terms-group'] } : {};
        if (region.exclude) expect(await page.locator('.terms-group:first-of-type .term-entry').count(), 'entries audited on a phone').toBeGreaterThan(0);
        expect(await serious(page, colorScheme, region), `${url} ${colorScheme} ${width}`).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `${url.replace(/\//g, '') || 'home'}-${colorScheme}-${width}.png`) });
      }
      await page.goto(server.origin + chapterPath(5, 3));
      await page.click('button[data-cite="section-1"]');
      const panel = { include: ['#cite-panel', 'button[data-cite="section-1"]'] };
      expect(await serious(page, colorScheme, panel), `chapter ${colorScheme} ${width}`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cite-panel-${colorScheme}-${width}.png`) });
      await ctx.close();
    });
  }
});
