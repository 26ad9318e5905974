/**
 * The home page, the way through and the typography, in Chromium as a reader
 * meets them: the page jump, 下一页 from / to the last package and 上一页 back
 * (each page marked in the sidebar), the whole 目录 (/contents/), the 404 page
 * online and offline, and the phone layout (目录 within two screens, no one-character-per-line cell, no
 * bullet before `——`, headings not justified). Screenshots at 390 px and
 * 1280 px, light and dark, go to tests/.tmp/screenshots/ for a person to
 * look at; the 目录's offset is written to tests/.tmp/home-layout.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { readPackagesTable } from '../../src/reviewed/read-curated-fs';
import { readingOrder } from '../../src/site/plan/plan-nav';
import { lastPage } from '../../src/convert/printed-pages';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { closeContexts, sharedBrowser } from './test-browser';
import { serveStatic, type StaticServer } from './static-server';
import { waitForEdition, waitForWorker } from './service-worker';

const SHOTS = path.join(TMP, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Read once the build has written the model (the converter runs in the build, not before the tests are collected).
let plan: ReturnType<typeof readPlan>;
let order: ReturnType<typeof readingOrder>;

let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
  order = readingOrder(plan, readPackagesTable().packages);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

async function open(url: string, viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(server.origin + url);
  return page;
}

describe('home page', () => {
  it('shows the title and approval line first, then search, the page jump and the ways in', async () => {
    const page = await open('/');
    const order = await page.evaluate(() => {
      const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top + scrollY;
      return {
        h1: top('h1'),
        approval: top('.plan-approval'),
        search: top('form[role="search"].plan-search-form'),
        jump: top('form[data-page-jump]'),
        contents: top('#contents'),
        preface: top('#preface'),
      };
    });
    expect(order.h1).toBeLessThan(order.approval);
    expect(order.approval).toBeLessThan(Math.min(order.search, order.jump));
    expect(Math.max(order.search, order.jump)).toBeLessThan(order.contents);
    expect(order.contents).toBeLessThan(order.preface);
    const entries = await page.locator('.home-entries a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(entries).toEqual(expect.arrayContaining([
      ['完整目录', '/contents/'], ['主要指标', '/indicators/'], ['专栏', '/boxes/'], ['重大工程包', '/packages/'], ['全文', '/full/'],
      ['词语索引', '/terms/'], ['数据下载', '/data/'], ['关于本版', '/about/'],
    ]));
    // The 目录 gives the printed page of each entry, as the book does.
    const first = await page.locator('.toc-part').first().innerText();
    expect(first.replace(/\s+/g, '')).toBe(`${plan.parts[0]!.label}${plan.parts[0]!.title}，第${plan.parts[0]!.page}页`);
    // Down to the 章 here; right under its heading, the link to the whole 目录 with the sections.
    expect(await page.locator('nav.plan-contents .toc-chapter').count()).toBe(plan.parts.reduce((n, p) => n + p.chapters.length, 0));
    expect(await page.locator('nav.plan-contents .toc-section').count()).toBe(0);
    const whole = await page.evaluate(() => {
      const nav = document.querySelector('nav.plan-contents')!;
      const link = nav.querySelector<HTMLAnchorElement>('.toc-whole a')!;
      const below = (a: Element, b: Element) => a.getBoundingClientRect().top >= b.getBoundingClientRect().bottom - 1;
      return { href: link.getAttribute('href'), text: link.textContent, underHeading: below(link, document.getElementById('contents')!), aboveList: below(nav.querySelector('.toc-parts')!, link) };
    });
    expect(whole).toEqual({ href: '/contents/', text: expect.stringContaining('完整目录'), underHeading: true, aboveList: true });
    await page.close();
  });

  it('searches from the home page', async () => {
    const page = await open('/');
    await page.fill('#home-q', '碳达峰');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.press('#home-q', 'Enter')]);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=碳达峰');
    await page.close();
  });

  it('jumps to a printed page, and says why it will not go to one the plan has not', async () => {
    const last = lastPage(plan);
    expect(last).toBe(218);
    const page = await open('/');
    for (const bad of ['0', String(last + 1), '五十', '']) {
      await page.fill('#home-page', bad);
      await page.press('#home-page', 'Enter');
      await expect.poll(() => page.locator('#home-page-status').innerText()).toMatch(/页码/);
      expect(await page.locator('#home-page').getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).pathname).toBe('/');
    }
    expect(await page.locator('#home-page-status').innerText()).toContain(`1–${last}`);
    // Full-width digits from a Chinese input method count.
    await page.fill('#home-page', '５６');
    await Promise.all([page.waitForURL('**/#page-56'), page.press('#home-page', 'Enter')]);
    await page.waitForFunction(() => document.getElementById('page-56')?.matches(':target'));
    await page.close();
  });

  it('draws the plan at a glance: a named link per chapter, the boxes and the project items', async () => {
    const page = await open('/');
    const glance = await page.evaluate(() => ({
      chapters: [...document.querySelectorAll('.plan-glance svg a')].map((a) => ({ href: a.getAttribute('href') })),
      boxes: document.querySelectorAll('.plan-glance .glance-box').length,
      items: document.querySelectorAll('.plan-glance .glance-item').length,
      scripts: document.querySelectorAll('.plan-glance script').length,
    }));
    const chapters = plan.parts.flatMap((p) => p.chapters.map((c) => ({ p, c })));
    expect(glance.chapters.map((c) => c.href)).toEqual(chapters.map(({ p, c }) => `/part-${p.n}/chapter-${c.n}/`));
    // Each chapter's link is named (by its SVG <title>) as assistive technology reads it: the accessible name.
    const strips = page.locator('.plan-glance svg');
    expect(await strips.getByRole('link').count()).toBe(chapters.length);
    for (const { p, c } of chapters) {
      const link = strips.getByRole('link', { name: `${p.label} ${c.label} ${c.title}，` });
      expect(await link.getAttribute('href')).toBe(`/part-${p.n}/chapter-${c.n}/`);
    }
    expect(glance.boxes).toBe(10);
    expect(glance.items).toBeGreaterThan(0);
    expect(glance.scripts).toBe(0);
    await page.close();
  });
});

describe('the whole 目录 (/contents/)', () => {
  const sectionCount = () => plan.parts.reduce((n, p) => n + p.chapters.reduce((m, c) => m + c.sections.length, 0), 0);

  it('opens from the home 目录 and lists every section, set like the book on a phone: page numbers in one right-aligned column', async () => {
    const page = await open('/', PHONE);
    await Promise.all([page.waitForURL('**/contents/'), page.locator('nav.plan-contents .toc-whole a').click()]);
    expect(await page.locator('h1').innerText()).toBe('目录');
    expect(await page.locator('main .toc-section').count()).toBe(sectionCount());
    expect(sectionCount()).toBe(163);
    // Navigation, not a stop of the reading order: no 上一页/下一页.
    expect(await page.locator('.pagination-links a').count()).toBe(0);
    const layout = await page.evaluate(() => {
      const entries = [...document.querySelectorAll('main .toc-entry')];
      const rights = new Set(entries.map((a) => Math.round(a.querySelector('.toc-page')!.getBoundingClientRect().right)));
      // Title and page number never run into each other; the dotted leader between them shows.
      const clashes = entries.filter((a) => a.querySelector('.toc-text')!.getBoundingClientRect().right > a.querySelector('.toc-page')!.getBoundingClientRect().left + 0.5).length;
      const noLeader = entries.filter((a) => getComputedStyle(a, '::after').borderBottomStyle !== 'dotted').length;
      return { rights: [...rights], clashes, noLeader, overflow: document.documentElement.scrollWidth - innerWidth };
    });
    expect(layout.rights).toHaveLength(1);
    expect(layout).toMatchObject({ clashes: 0, noLeader: 0 });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    // A section's entry lands on its heading in its chapter.
    const [part, chapter] = [plan.parts[6]!, plan.parts[6]!.chapters[3]!];
    const section = chapter.sections[1]!;
    const link = page.locator(`main a.toc-section[href="/part-${part.n}/chapter-${chapter.n}/#section-${section.n}"]`);
    expect((await link.innerText()).replace(/\s+/g, '')).toBe(`${section.label}${section.title}，第${section.page}页`);
    await Promise.all([page.waitForURL(`**/part-${part.n}/chapter-${chapter.n}/#section-${section.n}`), link.click()]);
    await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), `section-${section.n}`);
    await page.close();
  });
});

describe('reading order', () => {
  it('links every page to the one before and after it in the reading order, and marks it in the sidebar', async () => {
    // Every page of the order, read as served (parsed, not rendered): the links and the mark are in its HTML.
    const page = await open('/');
    const found = await page.evaluate(async (stops) => {
      const parser = new DOMParser();
      return Promise.all(
        stops.map(async ({ path }) => {
          const doc = parser.parseFromString(await (await fetch(path)).text(), 'text/html');
          const link = (rel: string) => {
            const a = doc.querySelector(`.pagination-links a[rel="${rel}"]`);
            return a && { href: a.getAttribute('href'), label: a.querySelector('.link-title')?.textContent?.trim() };
          };
          const current = [...doc.querySelectorAll('nav.sidebar a[aria-current="page"]')].map((a) => a.getAttribute('href'));
          return { path, prev: link('prev'), next: link('next'), current };
        }),
      );
    }, order);
    expect(found).toEqual(
      order.map((stop, i) => {
        const link = (other: (typeof order)[number] | undefined) => other && { href: other.path, label: other.label };
        return { path: stop.path, prev: link(order[i - 1]) ?? null, next: link(order[i + 1]) ?? null, current: [stop.path] };
      }),
    );
    await page.close();
  });

  it('follows 下一页 and 上一页 across every kind of page, each page marked in the sidebar where the reader sees it', async () => {
    // The links and marks of every page are checked above; clicking and the
    // sidebar's open group depend only on the kind of page, so the walk takes
    // each change of kind once: home → 篇 → 章 → 章, 章 → next 篇, the last 章 →
    // the tables, 专栏, 附表 and packages, and the last package (no 下一页).
    const at = (path: string) => order.findIndex((stop) => stop.path === path);
    const firstPart = plan.parts[0]!;
    const lastPart = plan.parts.at(-1)!;
    const stretches = [
      order.slice(0, at(`/part-1/chapter-2/`) + 1),
      order.slice(at(`/part-1/chapter-${firstPart.chapters.length}/`), at('/part-2/') + 1),
      order.slice(at(`/part-${lastPart.n}/chapter-${lastPart.chapters.length}/`), at('/packages/2/') + 1),
      order.slice(-2),
    ];
    expect(stretches.flat().length).toBeGreaterThan(10);
    const page = await browser.newPage({ viewport: DESKTOP });
    const walk = async (rel: 'next' | 'prev', stops: typeof order, last: boolean) => {
      await page.goto(server.origin + stops[0]!.path);
      for (const [i, stop] of stops.entries()) {
        expect(new URL(page.url()).pathname).toBe(stop.path);
        // The sidebar marks this page (its group open); / is 首页 there.
        const current = await page.locator('nav.sidebar a[aria-current="page"]').evaluateAll((links) =>
          links.map((a) => ({ href: a.getAttribute('href'), visible: (a as HTMLElement).offsetParent !== null })),
        );
        expect(current, stop.path).toEqual([{ href: stop.path, visible: true }]);
        const link = page.locator(`.pagination-links a[rel="${rel}"]`);
        if (i === stops.length - 1) {
          if (last) expect(await link.count(), `${stop.path} has no ${rel}`).toBe(0);
          break;
        }
        const following = stops[i + 1]!;
        expect(await link.locator('.link-title').innerText()).toBe(following.label);
        await Promise.all([page.waitForURL(server.origin + following.path, { waitUntil: 'domcontentloaded' }), link.click()]);
      }
    };
    for (const [i, stretch] of stretches.entries()) {
      await walk('next', stretch, i === stretches.length - 1);
      await walk('prev', [...stretch].reverse(), i === 0);
    }
    await page.close();
  });

  it('names each 篇 with its title in the sidebar and on the 下一页 card', async () => {
    const page = await open('/part-6/chapter-5/');
    const part7 = plan.parts[6]!;
    expect(await page.locator('.pagination-links a[rel="next"] .link-title').innerText()).toBe(`${part7.label} ${part7.title}`);
    const sidebar = await page.locator('nav.sidebar a[href="/part-7/"]').textContent();
    expect(sidebar!.trim()).toBe(`${part7.label} ${part7.title}`);
    await page.close();
  });
});

describe('404', () => {
  const checkNotFound = async (page: Page) => {
    expect(await page.locator('h1').innerText()).toBe('找不到此页');
    expect(await page.locator('main').innerText()).toContain('不是本版');
    expect(await page.locator('main form[role="search"]').count()).toBe(1);
    expect(await page.locator('main form[data-page-jump]').count()).toBe(1);
    expect(await page.locator('main .toc-chapter').count()).toBe(plan.parts.reduce((n, p) => n + p.chapters.length, 0));
    expect(await page.locator('main .toc-whole a[href="/contents/"]').count()).toBe(1);
  };

  it('says in Chinese that the address is not part of this edition, and offers the ways on', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const response = await page.goto(server.origin + '/part-99/');
    expect(response?.status()).toBe(404);
    await checkNotFound(page);
    await page.screenshot({ path: path.join(SHOTS, 'not-found-390-light.png') });
    await page.fill('#not-found-page', '100');
    await Promise.all([page.waitForURL('**/#page-100'), page.press('#not-found-page', 'Enter')]);
    await page.close();
  });

  it('is what the service worker shows for an unknown address offline', async () => {
    const context: BrowserContext = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(server.origin + '/');
      await waitForWorker(page);
      // Its ways on lead to pages never opened: the edition is saved (in the background) first.
      await waitForEdition(page);
      await context.setOffline(true);
      await page.goto(server.origin + '/no-such-chapter/');
      await checkNotFound(page);
      // Its ways on work offline too.
      await Promise.all([page.waitForURL('**/part-2/'), page.locator('main a.toc-part[href="/part-2/"]').click()]);
      expect(await page.locator('h1').innerText()).toContain(plan.parts[1]!.title);
    } finally {
      await context.close();
    }
  });
});

describe('phone layout and typography', () => {
  it('begins the 目录 within the first two screens of a 390 px phone', async () => {
    const page = await open('/', PHONE);
    const offset = await page.evaluate(() => {
      const el = document.getElementById('contents')!;
      return Math.round(el.getBoundingClientRect().top + scrollY);
    });
    writeFileSync(path.join(TMP, 'home-layout.json'), JSON.stringify({ viewport: PHONE, contentsOffsetTop: offset }, null, 2));
    expect(offset).toBeLessThan(2 * PHONE.height);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('sets —— lines without a bullet and headings unjustified', async () => {
    const page = await open('/part-1/chapter-3/', PHONE);
    const targets = await page.evaluate(() =>
      [...document.querySelectorAll('.sl-markdown-content li')]
        .filter((li) => li.textContent!.trimStart().startsWith('——'))
        .map((li) => ({ list: getComputedStyle(li).listStyleType, marker: getComputedStyle(li, '::marker').content })),
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t.list === 'none' || t.marker === 'none' || t.marker === '""').toBe(true);
    for (const url of ['/part-1/chapter-3/', '/part-5/chapter-2/', '/']) {
      const p = url === '/part-1/chapter-3/' ? page : await open(url, PHONE);
      const justified = await p.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, .plan-heading')]
          .filter((h) => getComputedStyle(h).textAlign === 'justify')
          .map((h) => h.textContent),
      );
      expect(justified, url).toEqual([]);
      if (p !== page) await p.close();
    }
    await page.close();
  });

  it('keeps short table terms whole and page markers out of the numbers', async () => {
    const page = await open('/part-1/chapter-3/', PHONE);
    const cells = await page.evaluate(() => {
      // The cell's own text: a control in it (a row's 引用 button) is site UI, not a term.
      const textNodes = (el: Element) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement!.closest('button')) nodes.push(n as Text);
        return nodes;
      };
      const lineCount = (el: Element) => {
        const tops = new Set<number>();
        for (const node of textNodes(el)) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        }
        return tops.size;
      };
      return [...document.querySelectorAll('.indicators-table :is(td, th)')]
        .filter((c) => getComputedStyle(c).writingMode === 'horizontal-tb')
        .map((c) => ({ text: textNodes(c).map((n) => n.data).join('').trim(), lines: lineCount(c) }));
    });
    const food = cells.find((c) => c.text === '食品药品安全');
    expect(food?.lines).toBeGreaterThanOrEqual(1);
    expect(food!.lines).toBeLessThanOrEqual(2);
    // No cell of two or more characters set one character a line.
    const oneCharLines = cells.filter((c) => c.text.length >= 2 && c.lines >= c.text.length);
    expect(oneCharLines).toEqual([]);
    const marker = await page.evaluate(() => {
      const m = document.getElementById('page-14')!;
      const cell = m.closest('td, th');
      const box = m.getBoundingClientRect();
      const range = document.createRange();
      const number = cell ? [...cell.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') : null;
      if (!number) return { inCell: cell !== null, overlaps: false };
      range.selectNodeContents(number);
      const text = range.getBoundingClientRect();
      const sameLine = box.bottom > text.top + 1 && box.top < text.bottom - 1;
      return { inCell: true, overlaps: sameLine };
    });
    expect(marker.overlaps).toBe(false);
    // It reads as a page, not as digits beside the row number.
    const shown = await page.evaluate(() => getComputedStyle(document.getElementById('page-14')!, '::before').content);
    expect(shown).toContain('页');
    await page.close();
  });
});

describe('screenshots for a person to look at', () => {
  // Each page scrolled to what is to be looked at (none: its top).
  const pages = [
    { name: 'home', url: '/', at: null },
    { name: 'contents', url: '/contents/', at: null },
    { name: 'chapter-targets', url: '/part-1/chapter-3/', at: 'ul.plan-targets' },
    { name: 'chapter-headings', url: '/part-5/chapter-2/', at: '#section-1' },
    { name: 'package', url: '/packages/5/', at: null },
    { name: 'data', url: '/data/', at: null },
  ];
  for (const { name, url, at } of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name} at 390 px and 1280 px, ${scheme}`, async () => {
        for (const viewport of [PHONE, DESKTOP]) {
          const page = await open(url, viewport, scheme);
          await page.evaluate((s) => document.documentElement.setAttribute('data-theme', s), scheme);
          if (at) await page.locator(at).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
          // The home page on a phone: its first two screens, where the 目录 must begin.
          const twoScreens = name === 'home' && viewport === PHONE;
          await page.screenshot({
            path: path.join(SHOTS, `${name}-${viewport.width}-${scheme}.png`),
            ...(twoScreens ? { fullPage: true, clip: { x: 0, y: 0, width: PHONE.width, height: 2 * PHONE.height } } : {}),
          });
          await page.close();
        }
      });
    }
  }

  it('the indicators table on a phone, around the page-14 marker', async () => {
    const page = await open('/part-1/chapter-3/', PHONE);
    await page.locator('#page-14').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'indicators-page-14-390-light.png') });
    await page.close();
  });
});
