/**
 * Offline reading in Chromium. The service worker keeps the shell and the
 * pages the reader opens; the whole edition (every page and the search index)
 * it saves in the background on an ordinary connection, and on a Save-Data
 * connection only when the reader presses 保存全书 in the footer — then, with
 * the network gone, a chapter never visited opens and a search runs and its
 * result opens. A new build replaces the cache cleanly: the open page reloads
 * into the new build, changed pages come from it, and nothing of the old
 * build stays cached.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeServiceWorker } from '../../src/site/integrations/post-build-fs';
import { plan as convertedPlan } from '../helpers/real-plan';
import { chapterPath } from '../../src/site/site-paths';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { fileForPath } from '../site/html';
import { copySite } from '../gates/gate-site';
import { seriousViolations } from './axe-audit';
import { closeContexts, sharedBrowser } from './test-browser';
import { serveStatic, type StaticServer } from './static-server';
import { EDITION_SAVED, editionControl, emulateSaveData, waitForEdition, waitForWorker } from './service-worker';

let outDir: string;
let browser: Browser;
// The model as the build converts it; read here, before the build is done, to name the tests.
const plan = convertedPlan;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  browser = await sharedBrowser();
});

afterAll(async () => {
  await closeContexts(browser);
});

/** Every URL held by the page's caches. */
const cachedUrls = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });

/** Opens `url` and returns what came from the network rather than the worker. */
async function gotoCounting(page: Page, url: string): Promise<string[]> {
  const fromNetwork: string[] = [];
  const listener = (response: import('playwright-core').Response) => {
    if (!response.fromServiceWorker()) fromNetwork.push(response.url());
  };
  page.on('response', listener);
  const response = await page.goto(url, { waitUntil: 'load' });
  page.off('response', listener);
  expect(response?.ok(), url).toBe(true);
  return fromNetwork;
}

/** What the worker says of the edition ('none', 'saving', 'saved', …); it answers after any request the page sent before. */
const workerEditionState = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const sw = navigator.serviceWorker;
        const listen = (event: MessageEvent) => {
          if (event.data?.type !== 'edition') return;
          sw.removeEventListener('message', listen);
          resolve(event.data.state);
        };
        sw.addEventListener('message', listen);
        sw.controller!.postMessage({ type: 'edition-status' });
      }),
  );

/** The page's own paths (no origin) of `urls`, pages and files alike, sorted. */
const pathsOf = (urls: string[]) => urls.map((url) => new URL(url).pathname).sort();

/** Opens /search/?q=`query` and returns the address of its first result, once the results are shown. */
async function searchFirstResult(page: Page, origin: string, query: string): Promise<string> {
  expect(await gotoCounting(page, `${origin}/search/?q=${encodeURIComponent(query)}`)).toEqual([]);
  const list = page.locator(`#search-page-results[data-query="${query}"][aria-busy="false"]`);
  await list.waitFor();
  return (await list.locator('li a').first().getAttribute('href'))!;
}

describe('offline', () => {
  let server: StaticServer;
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('saves the whole edition in the background: an unvisited chapter and a search result open with the network gone', async () => {
    server = await serveStatic(outDir);
    context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await waitForWorker(page);
    await waitForEdition(page);

    await context.setOffline(true);
    const last = plan.parts.at(-1)!;
    const unvisited = chapterPath(last.n, last.chapters.at(-1)!.n);
    expect(await gotoCounting(page, server.origin + unvisited)).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe(last.chapters.at(-1)!.label + last.chapters.at(-1)!.title);

    const result = await searchFirstResult(page, server.origin, '碳达峰');
    expect(result).toMatch(/^\/part-\d+\//);
    expect(await gotoCounting(page, server.origin + result)).toEqual([]);
    expect(await page.locator('main').innerText()).toContain('碳达峰');
    await context.setOffline(false);
  });
});

describe('on a connection that reports Save-Data', () => {
  it('keeps only the pages opened until the reader presses 保存全书, then saves the edition with its progress shown', async () => {
    const server = await serveStatic(outDir);
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      await emulateSaveData(context);
      const page = await context.newPage();
      const first = plan.parts[0]!;
      const visited = chapterPath(first.n, first.chapters[0]!.n);
      await page.goto(server.origin + visited);
      expect(await page.evaluate(() => (navigator as Navigator & { connection: { saveData: boolean } }).connection.saveData)).toBe(true);
      await waitForWorker(page);
      const control = editionControl(page);
      await control.button.waitFor({ state: 'visible' });
      expect(await control.button.innerText()).toMatch(/^离线阅读：保存全书（约 \d+\.\d MB）$/);
      // The control shows only where a worker runs, which the accessibility gate's pages have not: audited here.
      expect(await seriousViolations(page)).toEqual([]);
      // The page opened before the worker came is kept too (offline-control.js hands it over).
      await expect.poll(async () => pathsOf(await cachedUrls(page)), { timeout: 30_000 }).toContain(visited);
      // Idle comes and goes, and still nothing beyond the page, its files and the shell is saved.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve, { timeout: 10_000 }), { timeout: 10_000 })));
      expect(await control.status.innerText()).toBe('');
      expect(await workerEditionState(page)).toBe('none');
      const before = pathsOf(await cachedUrls(page));
      expect(before.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
      expect(before.filter((p) => p.endsWith('/') || p.endsWith('.html'))).toEqual(['/404.html', visited]);

      // Offline, the page opened reads; one never opened is not there (the 404 page says so).
      await context.setOffline(true);
      expect(await gotoCounting(page, server.origin + visited)).toEqual([]);
      expect(await page.locator('h1').innerText()).toBe(first.chapters[0]!.label + first.chapters[0]!.title);
      const last = plan.parts.at(-1)!;
      const unvisited = chapterPath(last.n, last.chapters.at(-1)!.n);
      await page.goto(server.origin + unvisited);
      expect(await page.locator('h1').innerText()).toBe('找不到此页');
      await context.setOffline(false);

      // The reader asks: progress, then saved, read out.
      await page.goto(server.origin + visited);
      await control.button.waitFor({ state: 'visible' });
      await page.evaluate(() => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        const status = document.querySelector('[data-offline-edition] [role="status"]')!;
        new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await control.button.click();
      await waitForEdition(page);
      expect(await control.status.getAttribute('aria-live')).toBe('polite');
      expect(await control.button.isVisible()).toBe(false);
      const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
      expect(said.some((text) => /^正在保存… \d+%$/.test(text)), said.join(' | ')).toBe(true);
      expect(said.at(-1)).toBe(EDITION_SAVED);

      await context.setOffline(true);
      expect(await gotoCounting(page, server.origin + unvisited)).toEqual([]);
      expect(await page.locator('h1').innerText()).toBe(last.chapters.at(-1)!.label + last.chapters.at(-1)!.title);
      const result = await searchFirstResult(page, server.origin, '碳达峰');
      expect(await gotoCounting(page, server.origin + result)).toEqual([]);
      expect(await page.locator('main').innerText()).toContain('碳达峰');
      // A later visit, still offline, finds the edition saved.
      await waitForEdition(page);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('a new build', () => {
  it('replaces the cache cleanly: open pages reload into it, no file of the old build stays', async () => {
    // One URL serves build A (the real one), then build B: `live` is a symlink the test repoints.
    // B changes two pages and drops a file of A.
    const a = outDir;
    // A page of the edition that B no longer has.
    const dropped = '/boxes/';
    const b = copySite(outDir, 'offline-b');
    rmSync(path.join(b, 'boxes'), { recursive: true });
    const changed = chapterPath(plan.parts[1]!.n, 1);
    const mark = (dir: string, url: string, text: string) => {
      const file = fileForPath(dir, url);
      writeFileSync(file, readFileSync(file, 'utf8').replace('</h1>', `${text}</h1>`));
    };
    mark(b, '/', '（B）');
    mark(b, changed, '（B）');
    await writeServiceWorker(b);
    const live = path.join(TMP, 'gate-copies', 'offline-live');
    rmSync(live, { force: true });
    mkdirSync(path.dirname(live), { recursive: true });
    symlinkSync(a, live);

    const server = await serveStatic(live);
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(server.origin + '/');
      await waitForWorker(page);
      await waitForEdition(page);
      expect(await page.locator('h1').first().innerText()).not.toContain('（B）');
      expect((await cachedUrls(page)).some((url) => url.includes(dropped))).toBe(true);

      rmSync(live);
      symlinkSync(b, live);
      // The worker checks for a new build on navigation or on update(); the page reloads when B takes over.
      const reloaded = page.waitForEvent('load');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
      await reloaded;
      expect(await page.locator('h1').first().innerText()).toContain('（B）');
      // The edition saved under A is brought up to B (its changed files only) without asking.
      await waitForEdition(page);

      await context.setOffline(true);
      expect(await gotoCounting(page, server.origin + changed)).toEqual([]);
      expect(await page.locator('h1').innerText()).toContain('（B）');
      const urls = await cachedUrls(page);
      expect(urls.filter((url) => url.includes(dropped))).toEqual([]);
      // One cached copy per file: the new revision only.
      const perPath = new Map<string, number>();
      for (const url of urls) {
        const key = new URL(url).pathname;
        perPath.set(key, (perPath.get(key) ?? 0) + 1);
      }
      expect([...perPath].filter(([, n]) => n > 1)).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

