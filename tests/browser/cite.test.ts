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
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { quotedTermIndex } from '../../src/site/terms/quoted-terms';
import { chapterSpots, citedWork, gbt7714, titleAndLink } from '../../src/site/cite/citation';
import { planPageSpans } from '../../src/site/plan/page-spans';
import { SITE_TITLE } from '../../src/site/plan/plan-nav';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { chapterPath } from '../../src/site/site-paths';
import { launchBrowser } from './test-browser';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';

const SHOTS = path.join(TMP, 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** A fixed moment for the reader's clock: the access date of the copied reference. */
const NOW = new Date(2031, 3, 5, 10, 0, 0);

let browser: Browser;
let server: StaticServer;
let plan: Plan;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await launchBrowser();
  plan = readPlan();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function context(width = 1280, height = 900): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return ctx;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** The canonical origin the build wrote (SITE_URL), which copied links carry. */
const siteOrigin = (page: Page) => page.evaluate(() => new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href).origin);

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
    const spots = chapterSpots(plan, planPageSpans(plan), 5, 3, { site: await siteOrigin(page), base: '/' });
    const section = spots.find((s) => s.key === 'section-2')!;
    // From the heading's self-link, Tab reaches the control.
    await page.focus('#section-2 ~ a.self-link');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite'))).toBe('section-2');
    expect(await page.getAttribute('button[data-cite="section-2"]', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#cite-panel')).toBe(true);
    expect(await page.getAttribute('button[data-cite="section-2"]', 'aria-expanded')).toBe('true');
    expect(await page.textContent('#cite-panel [data-cite-text="gbt"]')).toBe(gbt7714(citedWork(plan), section, '2031-04-05'));
    await page.screenshot({ path: path.join(SHOTS, 'cite-panel-1280.png') });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite-copy'))).toBe('gbt');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await clipboard(page)).toBe(
      `北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 二、支持产学研协同创新[EB/OL]. (2021-01-27)[2031-04-05]: 第60-61页. ${section.url}`,
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
    const spots = chapterSpots(plan, planPageSpans(plan), 5, 3, { site: await siteOrigin(page), base: '/' });
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

describe('link to the selected text', () => {
  const SENTENCE = '支持企业联合科研机构、高校、社会服务机构等共同发起建立产业技术创新战略联盟，推动基础研究、应用研究与技术创新对接融通。';

  it('copies a link that opens the page scrolled to the sentence', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + chapterPath(5, 3));
    const selected = await page.evaluate((sentence) => {
      const walker = document.createTreeWalker(document.querySelector('main .sl-markdown-content')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(sentence);
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + sentence.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      }
      return null;
    }, SENTENCE);
    expect(selected).toBe(SENTENCE);
    const button = page.locator('button.selection-link');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe('复制链接到所选文字');
    await page.screenshot({ path: path.join(SHOTS, 'selection-link-1280.png') });
    await button.click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制所选文字的链接');
    const link = await clipboard(page);
    const pageUrl = `${await siteOrigin(page)}${chapterPath(5, 3)}`;
    expect(link.startsWith(`${pageUrl}#section-2:~:text=`), link).toBe(true);
    expect(decodeURIComponent(link)).toContain(SENTENCE.slice(0, 10));
    // The selection is still there after the click.
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(SENTENCE);

    const opened = await ctx.newPage();
    await opened.goto(link.replace(new URL(link).origin, server.origin));
    await opened.waitForFunction(() => scrollY > 0);
    expect(await textInView(opened, SENTENCE)).toBe(true);
    await opened.screenshot({ path: path.join(SHOTS, 'selection-link-opened-1280.png') });
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
  async function serious(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  // One test per view (three axe runs each), so that each has the test's time to itself.
  const views = [['light', 1280], ['dark', 1280], ['light', 375], ['dark', 375]] as const;
  for (const [colorScheme, width] of views) {
    it(`has no serious or critical axe finding on /terms/, /data/ and a chapter with the citation panel open, ${colorScheme}, ${width} px`, async () => {
      const ctx = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      for (const url of ['/terms/', '/data/']) {
        await page.goto(server.origin + url);
        expect(await serious(page), `${url} ${colorScheme} ${width}`).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `${url.replace(/\//g, '') || 'home'}-${colorScheme}-${width}.png`) });
      }
      await page.goto(server.origin + chapterPath(5, 3));
      await page.click('button[data-cite="section-1"]');
      expect(await serious(page), `chapter ${colorScheme} ${width}`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `cite-panel-${colorScheme}-${width}.png`) });
      await ctx.close();
    });
  }
});
