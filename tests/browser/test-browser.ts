/**
 * Chromium for the tests (scripts/chromium.ts: Debian's headless shell where
 * installed, our flags),
 * with no time limit on any wait, navigation or action of its pages: a wait
 * ends when its condition holds, however loaded the machine is, and only the
 * test's own timeout (a guard against a hang, vitest.config.ts) can end it
 * otherwise.
 *
 * The site tests share one Chromium per test worker (`sharedBrowser()`): the
 * `site` project runs a worker's files one after another in one module graph
 * (vitest.config.ts), so a launch is paid once per worker, not once per file.
 *
 * Service workers are blocked unless a context asks for them
 * (`serviceWorkers: 'allow'`): on an ordinary connection the site's worker
 * saves the whole edition (every page and the search index) in the background
 * as soon as a page is idle, in every context that lets it (some 400 files
 * served and cached per context) — work only the tests of offline reading
 * want.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { TEST_CHROMIUM_PATH, launchChromium } from '../../scripts/chromium.ts';

export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium(TEST_CHROMIUM_PATH);
  const newContext = browser.newContext.bind(browser);
  // browser.newPage() opens its page through newContext() too.
  browser.newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    context.setDefaultTimeout(0);
    context.setDefaultNavigationTimeout(0);
    return context;
  };
  return browser;
}

let shared: Promise<Browser> | undefined;

/**
 * This worker's Chromium, launched on first use. It lives as long as the
 * worker (Playwright closes it when the process exits); a test file closes
 * what it opened with `closeContexts()` in its afterAll, never the browser.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser();
  return shared;
}

/** Closes every context (and so every page) open in `browser`: a file's leftovers, before the next file of the worker. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close()));
}
