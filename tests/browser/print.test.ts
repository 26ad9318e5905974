/**
 * /full/ printed in Chromium: one clean document — no navigation, search or
 * TOC; every printed-page marker a number in the outer margin beside the
 * text (not inside a sentence); each 篇 on a new sheet. The PDF goes to
 * tests/.tmp/screenshots/full.pdf for a human to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGE, lastPage } from '../../src/convert/printed-pages';
import { plan as sourcePlan } from '../helpers/real-plan';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { closeContexts, sharedBrowser } from './test-browser';
import { serveStatic, type StaticServer } from './static-server';

/** The last printed page, as the embedded source has it. */
const LAST_PAGE = lastPage(sourcePlan);

const SHOTS = path.join(TMP, 'screenshots');
let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
  // A4 at 96 dpi less the sheet's margins, as the print layout sees it.
  page = await browser.newPage({ viewport: { width: 674, height: 1000 } });
  await page.goto(server.origin + '/full/');
  await page.emulateMedia({ media: 'print' });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

describe('/full/ in print', () => {
  it('hides the navigation, search and TOC', async () => {
    const shown = await page.evaluate(() =>
      ['header.header', 'nav.sidebar', '.right-sidebar', 'mobile-starlight-toc', '.sl-skip-link', '.pagination-links']
        .flatMap((selector) => [...document.querySelectorAll(selector)])
        .filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none')
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
  });

  it('sets every page marker as a number in the outer margin, beside the text', async () => {
    const markers = await page.evaluate(() => {
      const content = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.sl-markdown-content .page-marker')].map((el) => {
        const box = el.getBoundingClientRect();
        return {
          page: Number(el.dataset.page),
          inMargin: box.left >= content.right - 0.5,
          onSheet: box.right <= document.documentElement.clientWidth + 0.5,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(el, '::before').content.includes(el.dataset.page!),
        };
      });
    });
    expect(markers.map((m) => m.page).sort((a, b) => a - b)).toEqual(
      Array.from({ length: LAST_PAGE - FIRST_PAGE + 1 }, (_, i) => FIRST_PAGE + i),
    );
    expect(markers.filter((m) => !(m.inMargin && m.onSheet && m.visible))).toEqual([]);
  });

  it('prints to a PDF with each 篇 on a new sheet', async () => {
    const file = path.join(SHOTS, 'full.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: false, preferCSSPageSize: true });
    const pdf = readFileSync(file, 'latin1');
    const sheets = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // 14 篇 and the 附表 each open a sheet; the plan is 218 printed pages of a larger format.
    expect(sheets).toBeGreaterThan(100);
    const breaks = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content > section')]
        .filter((s) => /^(part-\d+|appendix)$/.test(s.getAttribute('aria-labelledby') ?? ''))
        .map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks.length).toBe(15);
    expect(new Set(breaks)).toEqual(new Set(['page']));
  });
});
