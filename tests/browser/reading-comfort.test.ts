/**
 * Reading comfort in Chromium, on a desktop and on a 390 px phone, offline
 * after the first visit: the text size chosen in the header (小 / 中 / 大 /
 * 特大) survives a reload and is set before the body is parsed (no flash);
 * at every size lines keep within the measure, nothing overflows sideways
 * and page markers stay beside (desktop) or inside (phone) their lines; the
 * place read in a chapter is offered on the home page as 继续阅读 and leads
 * back there. The site stores two localStorage entries and no cookie.
 * Screenshots go to tests/.tmp/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterPath } from '../../src/site/site-paths';
import { closeContexts, sharedBrowser } from './test-browser';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';
import { waitForEdition, waitForWorker } from './service-worker';

const SHOTS = path.join(TMP, 'screenshots');
/** Body text size in CSS pixels at each choice. */
const SIZES = { small: 14, medium: 16, large: 19, 'x-large': 22 } as const;
type Size = keyof typeof SIZES;
const LABELS: Record<Size, string> = { small: '小', medium: '中', large: '大', 'x-large': '特大' };
/** The longest chapter, many page markers. */
const CHAPTER = chapterPath(7, 4);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

/** Chooses a size with the header control, as a reader would (on a phone, through the 字号 button). */
async function choose(page: Page, size: Size, phone: boolean): Promise<void> {
  if (phone && (await page.getAttribute('[data-reading-size-toggle]', 'aria-expanded')) !== 'true') await page.click('[data-reading-size-toggle]');
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: LABELS[size], exact: true }).click();
  expect(await page.getAttribute(`[data-reading-size-option="${size}"]`, 'aria-pressed')).toBe('true');
  expect(await page.locator('[data-reading-size-option][aria-pressed="true"]').count()).toBe(1);
}

/** Text size, measure, overflow and page-marker placement of the chapter as shown. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const content = document.querySelector<HTMLElement>('main .sl-markdown-content')!;
    const column = content.getBoundingClientRect();
    const paragraph = content.querySelector('p')!;
    const fontSize = parseFloat(getComputedStyle(paragraph).fontSize);
    const markers = [...content.querySelectorAll<HTMLElement>('.page-marker')].map((marker) => {
      const box = marker.getBoundingClientRect();
      const line = marker.parentElement!.getBoundingClientRect();
      return {
        page: marker.dataset.page,
        inMargin: box.left >= column.right - 0.5,
        inColumn: box.left >= column.left - 0.5 && box.right <= column.right + 0.5,
        onScreen: box.right <= document.documentElement.clientWidth + 0.5 && box.width > 0,
        // The marker stands level with its place: inside the vertical extent of the block that holds it.
        level: box.top >= line.top - 2 && box.top <= line.bottom + 2,
      };
    });
    const toc = document.querySelector('.right-sidebar-container');
    return {
      /** Width of the on-page TOC beside the text (desktop), which must not be squeezed. */
      tocWidth: toc && getComputedStyle(toc).display !== 'none' ? toc.getBoundingClientRect().width : null,
      fontSize,
      measure: column.width / fontSize,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      markers,
    };
  });

for (const device of [
  { name: 'desktop', width: 1280, height: 900, phone: false },
  { name: 'phone', width: 390, height: 844, phone: true },
]) {
  describe(`reading comfort on a ${device.name} (${device.width} px), offline`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        serviceWorkers: 'allow',
        viewport: { width: device.width, height: device.height },
        ...(device.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      // Records whether <html data-reading-size> was set before the body existed, i.e. before any paint.
      await context.addInitScript(() => {
        const w = window as unknown as { sizeSetBeforeBody?: string | null };
        w.sizeSetBeforeBody = null;
        // (The init script runs before <html> exists: watch the whole document.)
        new MutationObserver(() => {
          if (document.body === null) w.sizeSetBeforeBody = document.documentElement?.getAttribute('data-reading-size') ?? null;
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-reading-size'] });
      });
      page = await context.newPage();
      await page.goto(server.origin + CHAPTER);
      await waitForWorker(page);
      // Offline, the tests reload this chapter and open the home page, which was never opened:
      // the edition is saved (in the background) first.
      await waitForEdition(page);
      await context.setOffline(true);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('keeps the chosen text size across a reload, set before the first paint', async () => {
      expect(await page.getAttribute('html', 'data-reading-size')).toBe('medium');
      await choose(page, 'x-large', device.phone);
      expect((await layout(page)).fontSize).toBe(SIZES['x-large']);
      await page.reload();
      expect(await page.evaluate(() => (window as unknown as { sizeSetBeforeBody: string | null }).sizeSetBeforeBody)).toBe('x-large');
      expect(await page.getAttribute('[data-reading-size-option="x-large"]', 'aria-pressed')).toBe('true');
      expect((await layout(page)).fontSize).toBe(SIZES['x-large']);
      if (device.phone) await page.screenshot({ path: path.join(SHOTS, 'reading-x-large-390.png') });
      else await page.screenshot({ path: path.join(SHOTS, 'reading-x-large-1280.png') });
    });

    it('keeps the measure, nothing overflows and page markers stay in place at every size', async () => {
      const measures: Record<string, number> = {};
      for (const size of Object.keys(SIZES) as Size[]) {
        await choose(page, size, device.phone);
        const shown = await layout(page);
        measures[size] = Math.round(shown.measure * 10) / 10;
        expect(shown.fontSize, size).toBe(SIZES[size]);
        expect(shown.measure, size).toBeLessThanOrEqual(36.5);
        expect(shown.measure, size).toBeGreaterThanOrEqual(device.phone ? 15 : 24);
        expect(shown.overflow, size).toBeLessThanOrEqual(0);
        expect(shown.markers.length).toBeGreaterThan(5);
        if (!device.phone) expect(shown.tocWidth, size).toBeGreaterThanOrEqual(299); // Starlight's 18.75rem
        const misplaced = shown.markers.filter((m) => !(m.onScreen && m.level && (device.phone ? m.inColumn : m.inMargin)));
        expect(misplaced, size).toEqual([]);
      }
      console.log(`${device.name}: characters per line by size`, measures);
      await choose(page, 'x-large', device.phone);
    });

    it('remembers the section being read and offers it on the home page as 继续阅读', async () => {
      await page.goto(server.origin + '/');
      expect(await page.isVisible('[data-continue-reading]')).toBe(true); // the chapter's start was read
      await page.goto(server.origin + CHAPTER);
      await page.evaluate(() => {
        const heading = document.getElementById('section-2')!;
        scrollTo(0, heading.getBoundingClientRect().top + scrollY - 40);
        scrollBy(0, 200); // into the section's text
      });
      await page.waitForFunction(() => {
        const stored = JSON.parse(localStorage.getItem('gangyao:reading-positions') ?? '{}') as Record<string, { anchor: string | null }>;
        return stored[location.pathname]?.anchor === 'section-2';
      });
      await page.goto(server.origin + '/');
      const link = page.locator('[data-continue-reading] a');
      await link.waitFor({ state: 'visible' });
      expect(await link.textContent()).toBe('继续阅读：第七篇第四章 二、全面提升金融业核心竞争力');
      expect(await link.getAttribute('href')).toBe(`${CHAPTER}#section-2`);
      if (device.phone) await page.screenshot({ path: path.join(SHOTS, 'continue-reading-390.png') });
      await link.click();
      await page.waitForURL(`**${CHAPTER}#section-2`);
      await page.waitForFunction(() => {
        const box = document.getElementById('section-2')!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      });
      // Only this device's storage: the two entries, no cookie.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('gangyao:')).sort())).toEqual([
        'gangyao:reading-positions',
        'gangyao:reading-size',
      ]);
      expect(await context.cookies()).toEqual([]);
    });
  });
}
