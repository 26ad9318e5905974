/**
 * The search figures for `npm run bench`, measured on the built dist/ served
 * from loopback, in Debian's Chromium:
 *
 * - the bytes a first query downloads: a fresh profile, no service worker,
 *   /search/ open and idle; then the query is typed and submitted, and every
 *   response until the results and their excerpts are shown (and the network
 *   is idle) is counted as a host serving it gzip-compressed would send it:
 *   the loopback server compresses nothing, so a body is counted gzipped at
 *   zlib's default level (as scripts/bench-site.ts counts pages), except
 *   Pagefind's index chunks, fragments, filters, metadata and wasm, which are
 *   gzip files of their own and are sent as they are. Headers are not
 *   counted. Every term of tests/search/terms.txt is a first query in its
 *   own fresh profile; the median and the largest are held to the budgets.
 * - the median warm query time in the page: every term of
 *   tests/search/terms.txt searched twice on the search page; the second
 *   run (index chunks and fragments already loaded) is timed by the page
 *   itself, from the query to the ranked results with the excerpts of the
 *   first ten (`data-ms` on the result list).
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.ts';
import { DEFAULT_BUILD, ensureBuilt } from '../tests/site/build-site.ts';
import { readTerms } from '../tests/search/recall.ts';
import type { Row } from './bench-site.ts';
import { launchChromium } from './chromium.ts';
import { median } from './bench-report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');


/** Submits `query` on the search page and waits for its results; returns the page's own timing (ms). */
async function submit(page: Page, query: string): Promise<number> {
  // The same query again must wait for the new run, not see the last one's results.
  await page.evaluate(() => document.querySelector('#search-page-results')?.removeAttribute('data-query'));
  await page.fill('#search-page-input', query);
  await page.press('#search-page-input', 'Enter');
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector('#search-page-results');
      return list?.getAttribute('data-query') === q && list.getAttribute('aria-busy') === 'false';
    },
    query,
    // A generous wait: on a loaded machine a first query can take long; the figure is bytes, not time.
    { timeout: 180_000 },
  );
  return Number(await page.locator('#search-page-results').getAttribute('data-ms'));
}

/** Budgets of the first query's download (KB, gzip): the median and the largest over the term list. */
const FIRST_QUERY_MEDIAN_KB = 150;
const FIRST_QUERY_WORST_KB = 250;

/** The bytes a body costs on the wire from a host that compresses: a gzip file (1f 8b) as it is, anything else gzipped. */
function wireBytes(body: Buffer): number {
  return body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length;
}

/** Bytes downloaded by a first query of `query` in a fresh profile, by file. */
async function firstQueryBytes(browser: Browser, origin: string, query: string): Promise<Map<string, number>> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
    const sizes: Promise<[string, number]>[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(
        request.response().then(async (response) => [new URL(request.url()).pathname, response ? wireBytes(await response.body()) : 0]),
      );
    });
    await submit(page, query);
    await page.waitForLoadState('networkidle');
    const files = new Map<string, number>();
    for (const [file, bytes] of await Promise.all(sizes)) files.set(file, (files.get(file) ?? 0) + bytes);
    return files;
  } finally {
    await context.close();
  }
}

/** Prints the search rows, for the build in `outDir` (default: dist/, built if out of date). */
export async function benchSearch(row: Row, outDir?: string): Promise<void> {
  outDir ??= await ensureBuilt(DEFAULT_BUILD);
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const terms = readTerms(path.join(ROOT, 'tests/search/terms.txt'));
    const downloads = [];
    for (const [i, query] of terms.entries()) {
      process.stderr.write(`\r  first queries: ${i + 1}/${terms.length} ${query}    `);
      const files = await firstQueryBytes(browser, server.origin, query).catch((error: unknown) => {
        throw new Error(`first query “${query}”: ${String(error)}`);
      });
      const total = [...files.values()].reduce((a, b) => a + b, 0);
      const kinds = new Map<string, number>();
      for (const [file, bytes] of files) {
        const kind = file.includes('/fragment/') ? 'fragments' : file.includes('/index/') ? 'index' : file.includes('/filter/') ? 'filters' : path.basename(file).replace(/[._][0-9a-f]{8,}\b/, '');
        kinds.set(kind, (kinds.get(kind) ?? 0) + bytes);
      }
      downloads.push({ query, total, files: files.size, kinds });
    }
    process.stderr.write('\n');
    downloads.sort((a, b) => b.total - a.total);
    const worst = downloads[0]!;
    const middle = downloads[Math.floor(downloads.length / 2)]!;
    const kb = (bytes: number) => bytes / 1024;
    row('search: first query download, median (KB)', kb(middle.total).toFixed(1), `≤ ${FIRST_QUERY_MEDIAN_KB}`, kb(middle.total) <= FIRST_QUERY_MEDIAN_KB);
    row('search: first query download, worst (KB)', kb(worst.total).toFixed(1), `≤ ${FIRST_QUERY_WORST_KB}`, kb(worst.total) <= FIRST_QUERY_WORST_KB);
    for (const [what, d] of [['largest', worst], ['median', middle]] as const) {
      const parts = [...d.kinds].sort((a, b) => b[1] - a[1]).map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`);
      console.log(`  ${what} of ${downloads.length} terms, “${d.query}”: ${(d.total / 1024).toFixed(1)} KB in ${d.files} files (${parts.join(', ')})`);
    }

    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'networkidle' });
    const first: number[] = [];
    const warm: number[] = [];
    for (const [i, term] of terms.entries()) {
      process.stderr.write(`\r  warm queries: ${i + 1}/${terms.length}    `);
      first.push(await submit(page, term));
      warm.push(await submit(page, term));
    }
    await context.close();
    process.stderr.write('\n');
    row('search: median warm query (ms)', median(warm).toFixed(1), '≤ 50', median(warm) <= 50);
    console.log(
      `  ${terms.length} terms of tests/search/terms.txt; warm max ${Math.max(...warm).toFixed(1)} ms; ` +
        `first run (loading index chunks and fragments) median ${median(first).toFixed(1)} ms, max ${Math.max(...first).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
