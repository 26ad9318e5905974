/**
 * Chromium for the tests (scripts/chromium.ts: Debian's binary, our flags),
 * with no time limit on any wait, navigation or action of its pages: a wait
 * ends when its condition holds, however loaded the machine is, and only the
 * test's own timeout (a guard against a hang, vitest.config.ts) can end it
 * otherwise.
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
