/**
 * Service-worker helpers for browser tests.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Waits until a service worker controls `page` (its precache of the shell is complete by then: install precedes activation). */
export async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** The footer's 离线阅读 control (src/site/components/OfflineEdition.astro). */
export const editionControl = (page: Page) => ({
  button: page.locator('[data-offline-edition] button'),
  status: page.locator('[data-offline-edition] [role="status"]'),
});

/** What the control says once the whole edition is saved. */
export const EDITION_SAVED = '已保存，可离线阅读';

/** Waits until the control on `page` says the whole edition is saved (in the background, or after 保存全书). */
export async function waitForEdition(page: Page): Promise<void> {
  await editionControl(page).status.filter({ hasText: EDITION_SAVED }).waitFor();
}

/**
 * Makes every page of `context` see a connection that reports Save-Data
 * (navigator.connection.saveData). Given as source text: a function would be
 * serialized as the TypeScript loader compiled it, helpers and all (tsx's
 * `__name`), which the page does not have.
 */
export async function emulateSaveData(context: BrowserContext): Promise<void> {
  await context.addInitScript(`{
    const connection = { saveData: true, effectiveType: '4g', downlink: 10, rtt: 50, addEventListener() {}, removeEventListener() {} };
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
  }`);
}
