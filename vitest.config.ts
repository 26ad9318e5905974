/**
 * Two projects. `unit`: every test that needs no build and no browser
 * (`npm run test:unit`, seconds). `site`: the site, browser and gate tests —
 * a test file is one when it calls ensureBuilt(), buildCopy() or
 * launchBrowser(); they share one real build, started by the project's global
 * setup while the unit tests run (tests/site/build-site.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const END_TO_END = /\b(ensureBuilt|buildCopy|launchBrowser|sharedBrowser|launchChromium)\(/;
const testFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('.tmp'))
  .map((file) => path.posix.join('tests', file.split(path.sep).join('/')));
const siteTests = testFiles.filter((file) => END_TO_END.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    exclude: ['tests/.tmp/**', 'node_modules/**'],
    // Most of a site test's time is spent waiting on Chromium or a build, so
    // more files run at once than there are cores.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/.tmp/**', ...siteTests],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: siteTests,
          globalSetup: ['tests/site/global-build.ts'],
          // A worker runs its files one after another in one module graph:
          // the plan is converted and Chromium launched once per worker, not
          // once per file (tests/browser/test-browser.ts: sharedBrowser()).
          isolate: false,
          // Budgets against a hang, not against load: a browser wait has no
          // timeout of its own (tests/browser/test-browser.ts), and builds are
          // made in hooks.
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
