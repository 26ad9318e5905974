/**
 * Page weight for `npm run bench`, the way issue 13 measured it: what
 * Chromium fetches for the longest chapter, every response counted at its
 * gzip size (zlib's default level, as a host compressing every response
 * sends it), nobody touching the page, the service worker blocked.
 *
 * - First visit: a fresh profile opens the chapter and waits until the
 *   network is idle; every file the server sends is counted, split into
 *   HTML, CSS, JS and anything else.
 * - Repeat visit: the same profile opens the chapter again. The server
 *   sends the build's cache headers (cache-headers.ts) and no validators, so
 *   content-hashed files come from the browser's cache and the rest come
 *   again whole.
 *
 * Then every page of the site, read from the built files
 * (tests/site/page-weight.ts): the heaviest page held to the budgets, and
 * the three pages held to none (/full/, /terms/, /search/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../tests/browser/static-server.ts';
import {
  FIRST_VISIT_BUDGET,
  REPEAT_VISIT_BUDGET,
  UNBUDGETED_PAGES,
  builtPages,
  isBudgeted,
  pageWeight,
  type PageWeight,
} from '../tests/site/page-weight.ts';
import { launchChromium } from './chromium.ts';
import type { Row } from './bench-site.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

type Kind = 'html' | 'css' | 'js' | 'other';

/** One visit as Chromium fetched it: gzip bytes and file count by kind. */
type Fetched = Record<Kind, { bytes: number; files: number }>;

function kindOf(file: string): Kind {
  const ext = path.extname(file);
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  return 'other';
}

const total = (f: Fetched) => f.html.bytes + f.css.bytes + f.js.bytes + f.other.bytes;
const count = (f: Fetched) => f.html.files + f.css.files + f.js.files + f.other.files;

/** First and repeat visit of `page` in Chromium, against the site built into `outDir`. */
export async function chromiumVisits(outDir: string, page: string): Promise<{ first: Fetched; repeat: Fetched }> {
  let served: string[] = [];
  const server = await serveStatic(outDir, '/', { cacheHeaders: true, onServe: (_, file) => served.push(file) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const tab = await context.newPage();
    const visit = async (): Promise<Fetched> => {
      served = [];
      await tab.goto(server.origin + page, { waitUntil: 'networkidle' });
      const fetched: Fetched = { html: { bytes: 0, files: 0 }, css: { bytes: 0, files: 0 }, js: { bytes: 0, files: 0 }, other: { bytes: 0, files: 0 } };
      for (const file of served) {
        const entry = fetched[kindOf(file)];
        entry.bytes += gzipSync(readFileSync(file)).length;
        entry.files += 1;
      }
      return fetched;
    };
    const first = await visit();
    await tab.goto('about:blank');
    const repeat = await visit();
    await context.close();
    return { first, repeat };
  } finally {
    await browser.close();
    await server.close();
  }
}

const split = (f: Fetched) =>
  (['html', 'css', 'js', 'other'] as const)
    .filter((k) => f[k].files > 0)
    .map((k) => `${k.toUpperCase()} ${kb(f[k].bytes)} (${f[k].files})`)
    .join(', ');

const describe = (w: PageWeight) =>
  `${w.page}: first ${kb(w.first.total)} KB (HTML ${kb(w.first.html)}, CSS ${kb(w.first.css)}, JS ${kb(w.first.js)}; ${w.first.files} files), repeat ${kb(w.repeat.total)} KB`;

/** Measures and prints the page-weight rows for the site built into `outDir`, whose longest chapter is `chapter`. */
export async function benchPageWeight(row: Row, outDir: string, chapter: string): Promise<void> {
  console.log(`  page weight: ${chapter} in Chromium, gzip KB (files)…`);
  const { first, repeat } = await chromiumVisits(outDir, chapter);
  console.log(`    first visit:  ${split(first)}`);
  console.log(`    repeat visit: ${split(repeat)}`);
  row(`${chapter} first visit, gzip (KB)`, `${kb(total(first))} (${count(first)})`, `≤ ${kb(FIRST_VISIT_BUDGET)}`, total(first) <= FIRST_VISIT_BUDGET);
  row(`${chapter} repeat visit, gzip (KB)`, `${kb(total(repeat))} (${count(repeat)})`, `≤ ${kb(REPEAT_VISIT_BUDGET)}`, total(repeat) <= REPEAT_VISIT_BUDGET);

  const pages = builtPages(outDir);
  console.log(`  page weight of all ${pages.length} pages, from the built files…`);
  const weights = pages.map((page) => pageWeight(outDir, page));
  const budgeted = weights.filter((w) => isBudgeted(w.page));
  const heaviest = (key: 'first' | 'repeat') => budgeted.reduce((a, b) => (b[key].total > a[key].total ? b : a));
  const [worstFirst, worstRepeat] = [heaviest('first'), heaviest('repeat')];
  row(`heaviest page first visit (KB)`, kb(worstFirst.first.total), `≤ ${kb(FIRST_VISIT_BUDGET)}`, worstFirst.first.total <= FIRST_VISIT_BUDGET);
  console.log(`    ${describe(worstFirst)}`);
  row(`heaviest page repeat visit (KB)`, kb(worstRepeat.repeat.total), `≤ ${kb(REPEAT_VISIT_BUDGET)}`, worstRepeat.repeat.total <= REPEAT_VISIT_BUDGET);
  console.log(`    ${describe(worstRepeat)}`);
  console.log(`  pages held to no budget:`);
  for (const page of UNBUDGETED_PAGES) {
    const w = weights.find((x) => x.page === page);
    console.log(`    ${w ? describe(w) : `${page}: not built`}`);
  }
}
