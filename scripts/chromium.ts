/**
 * Debian's Chromium for the browser tests, the bench and the icon script:
 * one path and one set of flags. Never downloads a browser.
 */
import { chromium, type Browser } from 'playwright-core';

/** The browser binary: CHROMIUM_PATH, or Debian's `chromium` package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (we run as root), and nothing fetched from outside this machine. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches that Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
