/**
 * Debian's Chromium for the browser tests, the bench and the icon script:
 * one place for the binaries and the flags. Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser binary: CHROMIUM_PATH, or Debian's `chromium` package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's `chromium-headless-shell` package: Chromium's old headless shell, the same version as `chromium`. */
const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

/**
 * The binary the tests drive: CHROMIUM_PATH when it is set; otherwise the
 * headless shell, where it is installed (the same Blink and V8 without the
 * browser around them, which Playwright itself runs for headless tests; it
 * spends about half the CPU of the full browser on a page load, measured on
 * the site's pages); otherwise the full browser. The bench and the icons keep
 * the full browser: Lighthouse measures what a reader's Chrome does.
 */
export const TEST_CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH);

/** Headless, no sandbox (we run as root), and nothing fetched from outside this machine. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a Chromium binary (the full browser unless told) through playwright-core. */
export function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}
