/**
 * Chromium for the tests (scripts/chromium.ts: Debian's binary, our flags),
 * with no time limit on any wait, navigation or action of its pages: a wait
 * ends when its condition holds, however loaded the machine is, and only the
 * test's own timeout (a guard against a hang, vitest.config.ts) can end it
 * otherwise.
 *
 * The site tests share one Chromium per test worker (`sharedBrowser()`): the
 * `site` project runs a worker's files one after another in one module graph
 * (vitest.config.ts), so a launch is paid once per worker, not once per file.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';

export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  // browser.newPage() opens its page through newContext() too.
  browser.newContext = async (...args: Parameters<Browser['newContext']>): Promise<BrowserContext> => {
    const context = await newContext(...args);
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
