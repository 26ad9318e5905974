/**
 * Gate: security. No page has an inline event handler; every page carries a
 * Content-Security-Policy that allows only the site's own scripts and styles,
 * its own inline code by hash and Pagefind's wasm; in Chromium the site (and
 * a search) runs without a single policy violation. Generated text can never
 * become markup: a site built from a plan text with a script and an MDX
 * expression injected into a sentence shows them as text. Each check is seen
 * to catch a defect planted in a copy of the build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../browser/static-server';
import { sourceText } from '../helpers/real-plan';
import { DEFAULT_BUILD, ensureBuilt } from '../site/build-site';
import { elementsOf, htmlFiles, mainOf, visibleText } from '../site/html';
import { nextTurn } from '../site/next-turn';
import { cspProblems } from './check-csp';
import { buildCopy } from './copy-build';
import { copySite, editPage, isListed } from './gate-site';
import { closeContexts, sharedBrowser } from '../browser/test-browser';
import { emulateSaveData } from '../browser/service-worker';

let outDir: string;
let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  browser = await sharedBrowser();
});

afterAll(async () => {
  await closeContexts(browser);
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(dir: string): Promise<StaticServer> {
  const server = await serveStatic(dir);
  servers.push(server);
  return server;
}

/**
 * Opens `url` (in `context`, or a context of its own) and collects every
 * policy violation the page reports (listening from before any script runs).
 */
async function openWatched(
  origin: string,
  url: string,
  context?: BrowserContext,
): Promise<{ page: Page; violations: () => Promise<string[]>; dialogs: string[] }> {
  const page = await (context ?? browser).newPage();
  const console: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  await page.goto(origin + url, { waitUntil: 'load' });
  const violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...console,
  ];
  return { page, violations, dialogs };
}

/** Site paths of every built page. */
const pagesOf = (dir: string) => htmlFiles(dir).map((rel) => rel.split(path.sep).join('/'));

describe('security gate: policy and handlers in the built HTML', () => {
  it('gives every page one policy allowing only its own code, and no inline event handler', async () => {
    const problems: string[] = [];
    for (const rel of pagesOf(outDir)) {
      problems.push(...cspProblems(readFileSync(path.join(outDir, rel), 'utf8')).map((p) => `${rel}: ${p}`));
      await nextTurn();
    }
    expect(problems).toEqual([]);
  });

  it('catches an inline event handler, a changed inline script and a foreign script in a damaged copy', () => {
    const copy = copySite(outDir, 'security');
    editPage(copy, '/part-1/', (html) => html.replace('<main', '<main onclick="alert(1)"'));
    // One byte of an inline script (Starlight's theme picker): its hash no longer matches.
    editPage(copy, '/part-2/', (html) => html.replace('StarlightThemeProvider.updatePickers();', 'StarlightThemeProvider.updatePickerz();'));
    editPage(copy, '/part-3/', (html) =>
      html.replace(/content="default-src 'self'; script-src 'self'/, `content="default-src 'self'; script-src 'self' https://cdn.example`),
    );
    const read = (rel: string) => readFileSync(path.join(copy, rel), 'utf8');
    expect(cspProblems(read('part-1/index.html'))).toEqual(['inline event handler <main onclick="alert(1)">']);
    expect(cspProblems(read('part-2/index.html'))).toEqual([expect.stringMatching(/^inline script not allowed by hash: StarlightThemeProvider\.updatePickerz/)]);
    expect(cspProblems(read('part-3/index.html'))).toEqual(['script-src allows https://cdn.example']);
  });
});

describe('security gate: in Chromium', () => {
  it('runs every audited page, a chapter and a Pagefind search with no policy violation', async () => {
    const server = await serve(outDir);
    const urls = ['/', '/part-1/', '/part-1/chapter-1/', '/full/', '/packages/', '/page/100/'];
    for (const url of ['/indicators/', '/boxes/', '/packages/1/', '/search/']) if (isListed(url)) urls.push(url);
    // One reader's visit: the service worker registers on the first page and
    // serves the others, and offline-control.js runs in each, all under the
    // pages' policy. Save-Data keeps the worker from downloading the whole
    // edition meanwhile: the worker fetches it, beyond any page's policy.
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    await emulateSaveData(context);
    const found: string[] = [];
    for (const url of urls) {
      const { page, violations } = await openWatched(server.origin, url, context);
      await page.waitForLoadState('networkidle');
      if (url === '/part-1/chapter-1/') {
        // Pagefind compiles wasm: the one thing beyond the site's own files the policy allows.
        // A string, so that vitest does not rewrite the dynamic import.
        const results = await page.evaluate(
          "import('/pagefind/pagefind.js').then((pf) => pf.search('碳达峰')).then((s) => s.results.length)",
        );
        expect(results).toBeGreaterThan(0);
      }
      found.push(...(await violations()).map((v) => `${url}: ${v}`));
      await page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('blocks an injected inline script and handler in a damaged copy, and reports them', async () => {
    const copy = copySite(outDir, 'security-browser');
    editPage(copy, '/part-1/', (html) =>
      html.replace('<main', '<script>window.injected = true</script><main onclick="window.clicked = true"'),
    );
    const server = await serve(copy);
    const { page, violations } = await openWatched(server.origin, '/part-1/');
    await page.click('main h1');
    expect(await page.evaluate(() => [(window as { injected?: boolean }).injected, (window as { clicked?: boolean }).clicked])).toEqual([
      undefined,
      undefined,
    ]);
    const reported = await violations();
    expect(reported.some((v) => v.startsWith('script-src-elem'))).toBe(true);
    expect(reported.some((v) => v.startsWith('script-src-attr'))).toBe(true);
    await page.close();
  });
});

describe('security gate: generated text never becomes markup', () => {
  const hostile = '<script>alert(1)</script>{process.exit()}';
  const sentence = '新版城市总体规划绘就新蓝图';
  let hostileDir: string;

  beforeAll(async () => {
    expect(sourceText.split(`${sentence}。`).length).toBe(2);
    hostileDir = (await buildCopy('hostile', sourceText.replace(`${sentence}。`, `${sentence}${hostile}<!-- x -->。`))).outDir;
  });

  it('shows the injected script, expression and comment as text on the chapter page and /full/', async () => {
    const pages = pagesOf(hostileDir).filter((rel) => readFileSync(path.join(hostileDir, rel), 'utf8').includes(sentence));
    const chapter = pages.find((rel) => /^part-\d+\/chapter-\d+\//.test(rel));
    expect(chapter).toBeDefined();
    expect(pages).toContain('full/index.html');
    for (const rel of [chapter!, 'full/index.html']) {
      const html = readFileSync(path.join(hostileDir, rel), 'utf8');
      expect(visibleText(mainOf(html)), rel).toContain(`${sentence}${hostile}<!-- x -->。`);
      // The same scripts as the real build's page, and the same policy: nothing was added.
      const real = readFileSync(path.join(outDir, rel), 'utf8');
      const scripts = (h: string) => (h.match(/<script\b/g) ?? []).length;
      expect(scripts(html), rel).toBe(scripts(real));
      const policy = (h: string) => elementsOf(h, 'meta[http-equiv="Content-Security-Policy"]').map((e) => String(e.properties.content));
      expect(policy(html), rel).toEqual(policy(real));
      expect(policy(html), rel).toHaveLength(1);
      expect(cspProblems(html), rel).toEqual([]);
    }
    for (const rel of pagesOf(hostileDir)) {
      const html = readFileSync(path.join(hostileDir, rel), 'utf8');
      expect(html.includes('<script>alert(1)'), rel).toBe(false);
      expect(html.includes('<!-- x -->'), rel).toBe(false);
      await nextTurn();
    }
  });

  it('runs nothing from the injected text in Chromium', async () => {
    const chapter = pagesOf(hostileDir).find(
      (rel) => /^part-\d+\/chapter-\d+\//.test(rel) && readFileSync(path.join(hostileDir, rel), 'utf8').includes(sentence),
    )!;
    const server = await serve(hostileDir);
    const { page, violations, dialogs } = await openWatched(server.origin, '/' + chapter.replace(/index\.html$/, ''));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('main').innerText()).toContain(`${sentence}${hostile}<!-- x -->。`);
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
