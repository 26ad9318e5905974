/**
 * The offline figures for `npm run bench`, as Chromium fetches them from the
 * built site served on loopback, gzip at zlib's default level 6 (the
 * loopback server compresses nothing, so every file served is counted at its
 * gzip size, the way a host would send it):
 *
 * - what the service worker downloads on a first visit beyond the page
 *   itself (the shell: 404.html and the site's scripts and styles), on a
 *   connection that reports Save-Data, so nothing else is saved;
 * - what 保存全书 then downloads (the whole edition), pressed in the footer
 *   of that page, until the control says it is saved; beside it the size the
 *   control announces (computed at build time).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/browser/static-server.ts';
import { editionControl, emulateSaveData, waitForEdition, waitForWorker } from '../tests/browser/service-worker.ts';
import { budget, note, progress } from './bench-report.ts';
import { launchChromium } from './chromium.ts';

const kb = (bytes: number) => bytes / 1024;

/** Budgets: the shell a first visit pays for unasked, and the edition a reader asks for. */
// The shell is counted as the loopback server sends it: no cache headers, so the worker downloads
// again what the page had (its HTML, the shared scripts and styles); a host sending _headers
// answers those from the HTTP cache or with a 304.
export const OFFLINE_BUDGETS = { shellKB: 100, editionMB: 2.2 } as const;

/** Prints the offline rows for the build in `outDir`, measured on `chapter` (the longest). */
export async function benchOffline(outDir: string, chapter: string): Promise<void> {
  let served: string[] = [];
  const server = await serveStatic(outDir, '/', { cacheHeaders: true, onServe: (_, file) => served.push(file) });
  const browser = await launchChromium();
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  try {
    const context = await browser.newContext();
    await emulateSaveData(context);
    const page = await context.newPage();
    progress(`offline: first visit of ${chapter} on Save-Data`);
    await page.goto(server.origin + chapter, { waitUntil: 'load' });
    const pageFiles = served;
    served = [];
    await waitForWorker(page);
    const control = editionControl(page);
    await control.button.waitFor({ state: 'visible', timeout: 60_000 });
    const announced = (await control.button.innerText()).match(/约 ([\d.]+) MB/)?.[1];
    const shell = served;
    served = [];
    progress('offline: 保存全书');
    await control.button.click();
    const ticker = setInterval(async () => progress(`offline: 保存全书 ${await control.status.innerText().catch(() => '')}`), 1000);
    try {
      await waitForEdition(page);
    } finally {
      clearInterval(ticker);
    }
    const edition = served;
    await context.close();

    budget('offline: worker on a first visit, shell (KB gzip)', kb(gzipOf(shell)), { atMost: OFFLINE_BUDGETS.shellKB });
    note(
      `${shell.length} files after the page's own ${pageFiles.length} (${kb(gzipOf(pageFiles)).toFixed(1)} KB gzip), ` +
        `${shell.filter((f) => pageFiles.includes(f)).length} of them the page's again (no cache headers on loopback); Save-Data: nothing else`,
    );
    budget('offline: 保存全书 downloads (MB gzip)', gzipOf(edition) / 1024 / 1024, { atMost: OFFLINE_BUDGETS.editionMB }, 2);
    const largest = [...new Set(edition)]
      .map((file) => ({ file: path.relative(outDir, file), bytes: gzipSync(readFileSync(file)).length }))
      .reduce((groups, { file, bytes }) => {
        const group = file.startsWith('pagefind/') ? 'search index' : file.endsWith('.html') ? 'pages' : 'other';
        groups.set(group, (groups.get(group) ?? 0) + bytes);
        return groups;
      }, new Map<string, number>());
    note(
      `${edition.length} files (${[...largest].map(([group, bytes]) => `${group} ${kb(bytes).toFixed(0)} KB`).join(', ')}); ` +
        `the control announced 约 ${announced} MB`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
