/**
 * Offline reading in Chromium: after a first visit the service worker has the
 * whole site, so with the network gone a chapter never visited opens, the
 * data files load, and a Pagefind search runs and its result opens. A new
 * build replaces the cache cleanly: the open page reloads into the new build,
 * changed pages come from it, and nothing of the old build stays cached.
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
import { closeContexts, sharedBrowser } from './test-browser';
import { serveStatic, type StaticServer } from './static-server';
import { waitForWorker } from './service-worker';

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

describe('offline', () => {
  let server: StaticServer;
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('opens an unvisited chapter, the data and a search result with the network gone', async () => {
    server = await serveStatic(outDir);
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await waitForWorker(page);

    await context.setOffline(true);
    const last = plan.parts.at(-1)!;
    const unvisited = chapterPath(last.n, last.chapters.at(-1)!.n);
    expect(await gotoCounting(page, server.origin + unvisited)).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe(last.chapters.at(-1)!.label + last.chapters.at(-1)!.title);

    const model = await page.evaluate(() => fetch('/data/plan.json').then((r) => r.json()));
    expect(model.parts.length).toBe(plan.parts.length);

    const result = (await page.evaluate(
      "import('/pagefind/pagefind.js').then((pf) => pf.search('碳达峰')).then((s) => s.results[0].data()).then((d) => ({ url: d.url }))",
    )) as { url: string };
    expect(result.url).toMatch(/^\/part-\d+\//);
    expect(await gotoCounting(page, server.origin + result.url)).toEqual([]);
    expect(await page.locator('main').innerText()).toContain('碳达峰');
    await context.setOffline(false);
  });
});

describe('a new build', () => {
  it('replaces the cache cleanly: open pages reload into it, no file of the old build stays', async () => {
    // One URL serves build A (the real one), then build B: `live` is a symlink the test repoints.
    // B changes two pages and drops a file of A.
    const a = outDir;
    const dropped = 'data/indicators.csv';
    const b = copySite(outDir, 'offline-b');
    rmSync(path.join(b, dropped));
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
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.origin + '/');
      await waitForWorker(page);
      expect(await page.locator('h1').first().innerText()).not.toContain('（B）');
      expect((await cachedUrls(page)).some((url) => url.includes(dropped))).toBe(true);

      rmSync(live);
      symlinkSync(b, live);
      // The worker checks for a new build on navigation or on update(); the page reloads when B takes over.
      const reloaded = page.waitForEvent('load');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
      await reloaded;
      expect(await page.locator('h1').first().innerText()).toContain('（B）');

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

