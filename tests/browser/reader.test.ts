/**
 * The site in a real browser (Debian chromium via playwright-core): following
 * a /page/P/ link lands on the page marker, copying across a marker yields the
 * plan's text without the page number, the layout holds at 375 px and 1280 px
 * and in print. Screenshots go to tests/.tmp/ for a human to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageLocationMap, pageLocations } from '../../src/site/plan/page-locations';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';
import { closeContexts, sharedBrowser } from './test-browser';

const SHOTS = path.join(TMP, 'screenshots');

let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

async function open(url: string, width = 1280, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(server.origin + url);
  return page;
}

/** A printed page whose marker stands inside a sentence (text on both sides), and its site path. */
function midSentencePage(): { page: number; path: string } {
  const located = pageLocationMap(pageLocations(readPlan()));
  for (const [page, location] of located) {
    const html = readFileSync(path.join(outDir, location.path, 'index.html'), 'utf8');
    if (new RegExp(`[^>\\s]<a id="page-${page}"[^>]*></a>[^<\\s]`).test(html)) return { page, path: location.path };
  }
  throw new Error('no page marker inside a sentence');
}

describe('page markers in the browser', () => {
  it('follows /page/P/ from a chapter to the marker of page P', async () => {
    const target = midSentencePage();
    const page = await open('/part-1/chapter-1/');
    // A citation link such as another document would carry.
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'citation';
      a.textContent = 'cite';
      document.querySelector('main')!.prepend(a);
    }, `/page/${target.page}/`);
    await Promise.all([page.waitForURL(`**${target.path}#page-${target.page}`), page.click('#citation')]);
    await page.waitForFunction(() => document.readyState === 'complete');
    const landed = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      const box = el.getBoundingClientRect();
      return { targeted: el.matches(':target'), top: box.top, inView: box.top >= 0 && box.bottom <= innerHeight, width: box.width };
    }, `page-${target.page}`);
    expect(landed.targeted).toBe(true);
    expect(landed.inView).toBe(true);
    expect(landed.width).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'landed-on-marker-1280.png') });
    await page.close();
  });

  it('copies a sentence across a marker without the page number', async () => {
    const target = midSentencePage();
    const page = await open(target.path);
    const result = await page.evaluate((id) => {
      const marker = document.getElementById(id)!;
      const before = marker.previousSibling!;
      const after = marker.nextSibling!;
      const range = document.createRange();
      range.setStart(before, Math.max(0, before.textContent!.length - 6));
      range.setEnd(after, Math.min(6, after.textContent!.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return {
        copied: selection.toString(),
        expected: before.textContent!.slice(-6) + after.textContent!.slice(0, 6),
        shown: getComputedStyle(marker, '::before').content,
        name: marker.getAttribute('aria-label'),
      };
    }, `page-${target.page}`);
    expect(result.copied).toBe(result.expected);
    expect(result.copied).not.toContain(String(target.page));
    expect(result.shown).toContain(`"${target.page}"`);
    expect(result.name).toBe(`第${target.page}页`);
    await page.close();
  });

  it('reaches page markers and heading self-links with the keyboard', async () => {
    const page = await open('/part-9/chapter-3/');
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const cls = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? '');
      if (cls.includes('page-marker')) reached.add('page-marker');
      if (cls.includes('self-link')) reached.add('self-link');
      if (reached.size === 2) break;
    }
    expect([...reached].sort()).toEqual(['page-marker', 'self-link']);
    await page.close();
  });
});

describe('on-page contents', () => {
  /** The link the contents of `toc` (a selector) mark as the current one (aria-current="true"), once it is `href`. */
  const currentBecomes = (page: Page, toc: string, href: string) =>
    page.waitForFunction(
      ([toc, href]) => {
        const current = [...document.querySelectorAll(`${toc} a[aria-current="true"]`)].map((a) => a.getAttribute('href'));
        return current.length === 1 && current[0] === href;
      },
      [toc, href] as const,
    );
  /**
   * Scrolls so that `selector`'s top is `offset` px below the top of the band
   * in which the contents look for the current heading: below the header
   * (and, on a phone, the contents' bar) plus 2rem.
   */
  const scrollToBand = (page: Page, selector: string, offset: number) =>
    page.evaluate(
      ([selector, offset]) => {
        const bar = document.querySelector('mobile-starlight-toc summary')!.getBoundingClientRect().height;
        const band = document.querySelector('header')!.getBoundingClientRect().height + bar + 32;
        scrollBy(0, document.querySelector(selector)!.getBoundingClientRect().top - band - offset);
      },
      [selector, offset] as const,
    );
  const url = '/part-7/chapter-4/';

  it('marks the section being read, and 概述 above the first section', async () => {
    const page = await open(url, 1280, 900);
    await currentBecomes(page, 'starlight-toc', '#_top');
    await scrollToBand(page, '#section-3', -4);
    await currentBecomes(page, 'starlight-toc', '#section-3');
    // Within a section's text, below its heading: that section.
    await scrollToBand(page, '.sl-heading-wrapper:has(#section-2) + p', 10);
    await currentBecomes(page, 'starlight-toc', '#section-2');
    // The text before the first section belongs to 概述.
    await scrollToBand(page, '.sl-markdown-content > p', 10);
    await currentBecomes(page, 'starlight-toc', '#_top');
    await page.close();
  });

  it('shows the current section in the contents bar on a phone, and closes its list on a link, a click outside or Escape', async () => {
    const page = await open(url, 375, 812);
    await scrollToBand(page, '#section-4', -4);
    await currentBecomes(page, 'mobile-starlight-toc', '#section-4');
    const bar = page.locator('mobile-starlight-toc .display-current');
    expect((await bar.textContent())?.trim()).toBe(await page.locator('#section-4').textContent());
    const details = page.locator('#starlight__mobile-toc');
    const isOpen = () => details.evaluate((d) => (d as HTMLDetailsElement).open);
    const summary = page.locator('#starlight__on-this-page--mobile');
    await summary.click();
    expect(await isOpen()).toBe(true);
    await page.locator('mobile-starlight-toc a[href="#section-2"]').click();
    expect(await isOpen()).toBe(false);
    await page.waitForURL(`**${url}#section-2`);
    await currentBecomes(page, 'mobile-starlight-toc', '#section-2');
    await summary.click();
    // A click outside the list (on the page title, scrolled out of sight).
    await page.dispatchEvent('main h1', 'click');
    expect(await isOpen()).toBe(false);
    await summary.click();
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await page.close();
  });
});

describe('search', () => {
  it('finds Chinese words on chapter pages, never on /full/ or redirects, and not in site text', async () => {
    const page = await open('/');
    // A string, so that vitest's transform leaves the browser's import() alone.
    // A string, so that vitest's transform leaves the browser's import() alone.
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('低碳领跑者');
      return Promise.all(search.results.map(async (r) => {
        const data = await r.data();
        return { url: data.url, content: data.content, title: data.meta.title };
      }));
    })()`)) as { url: string; content: string; title: string }[];
    const urls = found.map((r) => r.url);
    expect(urls).toContain('/part-9/chapter-3/');
    expect(urls.filter((url) => url.startsWith('/full/') || url.startsWith('/page/'))).toEqual([]);
    const chapter = found.find((r) => r.url === '/part-9/chapter-3/')!;
    expect(chapter.title).toBe('第九篇 第三章 扎实推进绿色低碳循环发展');
    // Indexed text is the plan's: no breadcrumbs, prev/next or notes.
    // The index holds the text cut into search units (src/search/units.ts); without the spaces it is the plan's.
    const content = chapter.content.replace(/\s+/g, '');
    expect(content.startsWith('第三章扎实推进绿色低碳循环发展')).toBe(true);
    for (const siteText of ['首页', '上一页', '下一页', '第九篇大力推动']) expect(content).not.toContain(siteText);
    await page.close();
  });
});

describe('layout', () => {
  const pages = [
    { name: 'chapter', url: '/part-9/chapter-3/' },
    { name: 'home', url: '/' },
    { name: 'indicators', url: '/part-1/chapter-3/' },
  ];

  for (const { name, url } of pages) {
    it(`fits ${name} in a 375 px wide phone screen`, async () => {
      const page = await open(url, 375, 812);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `${name}-375.png`) });
      await page.close();
    });

    it(`lays out ${name} at 1280 px`, async () => {
      const page = await open(url, 1280, 900);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`) });
      await page.close();
    });
  }

  it('sets page markers in the outer margin at 1280 px, inline on phones', async () => {
    const { page: p, path: url } = midSentencePage();
    const measure = async (width: number) => {
      const page = await open(url, width, 900);
      const r = await page.evaluate((id) => {
        const marker = document.getElementById(id)!.getBoundingClientRect();
        const text = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
        return { marker: { left: marker.left, right: marker.right }, text: { left: text.left, right: text.right } };
      }, `page-${p}`);
      await page.close();
      return r;
    };
    // Wide: beside the text column, inside the window.
    const wide = await measure(1280);
    expect(wide.marker.left).toBeGreaterThanOrEqual(wide.text.right);
    expect(wide.marker.right).toBeLessThanOrEqual(1280);
    // Narrow desktop (sidebar, no table-of-contents column): still inside the window.
    const narrow = await measure(820);
    expect(narrow.marker.left).toBeGreaterThanOrEqual(narrow.text.right);
    expect(narrow.marker.right).toBeLessThanOrEqual(820);
    // Phone: within the text column.
    const phone = await measure(375);
    expect(phone.marker.left).toBeGreaterThanOrEqual(phone.text.left);
    expect(phone.marker.right).toBeLessThanOrEqual(phone.text.right);
  });

  it('prints without navigation and with the page URL', async () => {
    const page = await open('/part-9/chapter-3/', 1280, 900);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (selector: string) => {
        const el = document.querySelector(selector);
        return el !== null && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      };
      return {
        sidebar: shown('nav.sidebar'),
        header: shown('header.header'),
        search: shown('site-search'),
        toc: shown('starlight-toc'),
        url: document.querySelector('.print-address')!.textContent,
        urlShown: shown('.print-address'),
      };
    });
    expect(printed).toMatchObject({ sidebar: false, header: false, search: false, toc: false, urlShown: true });
    // The address the page was served from, not one the build baked in.
    expect(printed.url).toBe(`本页网址：${server.origin}/part-9/chapter-3/`);
    await page.screenshot({ path: path.join(SHOTS, 'chapter-print.png') });
    await page.pdf({ path: path.join(SHOTS, 'chapter-print.pdf') });
    await page.close();
  });
});
