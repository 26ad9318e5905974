/**
 * Service-worker helpers for browser tests.
 */
import type { Page } from 'playwright-core';

/** Waits until a service worker controls `page` (its precache is complete by then: install precedes activation). */
export async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}
