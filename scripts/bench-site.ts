/**
 * The site's figures for `npm run bench`, each beside its budget:
 *
 * - `npm run build` from a clean checkout: HEAD cloned into a temporary
 *   folder, `npm ci` (from npm's local cache where it can), then the build
 *   timed (wall time, budgeted; and its user+sys CPU time, printed, the
 *   figure that means something on a loaded machine); the time of `npm ci`
 *   is printed but not budgeted.
 * - Weight of the longest chapter and of /full/ (the whole plan on one page,
 *   the way the government publishes it), gzip at zlib's default level 6:
 *   the HTML; the JavaScript the page runs before any interaction (every
 *   script Chromium loads for the page, inline ones included, until the
 *   network is idle, with nobody touching the page); the CSS (stylesheets
 *   and inline styles). And the ratio /full/ : chapter.
 * - Lighthouse 12.2.3 (default config: the mobile preset, simulated
 *   throttling) in Debian's Chromium on home, the longest chapter,
 *   /indicators/ and /search/, served from loopback.
 *
 * bench.ts runs them in its order: `siteBuild()` (or the current dist/ with
 * `--skip-build`), `benchPageWeights()`, `benchLighthouse()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { serveStatic } from '../tests/browser/static-server.ts';
import { longestChapter } from '../tests/gates/gate-site.ts';
import { planSchema } from '../src/convert/model.ts';
import { launchChromium, CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { budget, note, progress, row } from './bench-report.ts';

export type { Row } from './bench-report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipSize = (data: string | Buffer) => gzipSync(data).length;

/** Runs `command` in `cwd`; returns its wall time and, where /usr/bin/time is there, its user+sys CPU time, in seconds. */
function timed(command: string, args: string[], cwd: string): { wall: number; cpu: number | null } {
  const started = performance.now();
  const gnuTime = existsSync('/usr/bin/time');
  const [bin, argv] = gnuTime ? ['/usr/bin/time', ['-f', 'cpu %U %S', command, ...args]] : [command, args];
  const result = spawnSync(bin, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, BASE_PATH: '/' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '');
  return { wall: (performance.now() - started) / 1000, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
}

/** Build time budget (s), `npm run build` from a clean checkout (issue 13, item 4). */
export const BUILD_BUDGET_S = 15;

/**
 * Clones HEAD, installs, builds, and prints the build's row; returns the
 * clone's dist/ and a function that removes the clone.
 */
export function siteBuild(): { outDir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-clean-'));
  const clone = path.join(dir, 'repo');
  progress('build: cloning HEAD');
  timed('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], ROOT);
  progress('build: npm ci in the clone');
  const ci = timed('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], clone);
  progress('build: npm run build in the clone');
  const build = timed('npm', ['run', 'build'], clone);
  budget('npm run build, clean checkout (s)', build.wall, { atMost: BUILD_BUDGET_S });
  const cpu = (t: { cpu: number | null }) => (t.cpu === null ? '' : `, ${t.cpu.toFixed(1)} s user+sys CPU`);
  note(`build${cpu(build)}; npm ci before it ${ci.wall.toFixed(1)} s${cpu(ci)} (not budgeted)`);
  // Times on a shared machine mean little without its load.
  note(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores (${process.env.CI ? 'CI' : 'local'})`);
  return { outDir: path.join(clone, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The bytes a page costs, by kind, gzipped. */
interface PageWeight {
  html: number;
  js: number;
  css: number;
  scripts: number;
  /** The largest scripts, `name gzip-KB`. */
  largestScripts: string[];
}

async function pageWeight(origin: string, url: string): Promise<PageWeight> {
  const browser = await launchChromium();
  try {
    // A fresh profile and no service worker: what a first visit downloads and runs.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const bodies: Promise<{ type: string; bytes: number; name: string }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const name = new URL(response.url()).pathname.split('/').pop()!;
      if (type === 'script' || type === 'stylesheet') bodies.push(response.body().then((b) => ({ type, bytes: gzipSize(b), name })));
    });
    const response = await page.goto(origin + url, { waitUntil: 'networkidle' });
    const html = await response!.body();
    const inline = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script:not([src])')]
        .filter((s) => !/json/.test((s as HTMLScriptElement).type))
        .map((s) => s.textContent ?? ''),
      styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
    }));
    const loaded = await Promise.all(bodies);
    await context.close();
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const external = (type: string) => sum(loaded.filter((l) => l.type === type).map((l) => l.bytes));
    return {
      html: gzipSize(html),
      js: external('script') + sum(inline.scripts.map(gzipSize)),
      css: external('stylesheet') + sum(inline.styles.map(gzipSize)),
      scripts: loaded.filter((l) => l.type === 'script').length + inline.scripts.length,
      largestScripts: [
        ...loaded.filter((l) => l.type === 'script'),
        ...inline.scripts.map((text) => ({ name: 'inline', bytes: gzipSize(text) })),
      ]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((l) => `${l.name} ${kb(l.bytes)}`),
    };
  } finally {
    await browser.close();
  }
}

/** Starts Chromium with a DevTools port for Lighthouse; returns the port and a stop function. */
async function chromiumWithPort(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gangyao-lh-'));
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
  });
  return {
    port,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

const LIGHTHOUSE_BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 } as const;

async function lighthouseScores(origin: string, url: string): Promise<{ scores: Record<string, number>; failed: string[] }> {
  const { port, stop } = await chromiumWithPort();
  try {
    const result = await lighthouse(origin + url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(LIGHTHOUSE_BUDGETS),
    });
    const lhr = result!.lhr;
    const scores: Record<string, number> = {};
    for (const [id, category] of Object.entries(lhr.categories)) scores[id] = Math.round((category.score ?? 0) * 100);
    // Audits that cost points, for the note beside a missed budget.
    const failed = Object.values(lhr.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => `${category.id}/${ref.id} (${lhr.audits[ref.id]!.displayValue ?? lhr.audits[ref.id]!.score})`),
    );
    return { scores, failed };
  } finally {
    await stop();
  }
}

/** The longest chapter of the build in `outDir`, by characters of plan text. */
export function longestChapterOf(outDir: string): { path: string; chars: number } {
  const plan = planSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'data/plan.json'), 'utf8')));
  return longestChapter(plan);
}

/** Prints the page-weight rows of the build in `outDir`. */
export async function benchPageWeights(outDir: string): Promise<void> {
  const server = await serveStatic(outDir);
  try {
    const { path: chapter, chars } = longestChapterOf(outDir);
    progress(`page weight: ${chapter}`);
    const c = await pageWeight(server.origin, chapter);
    progress('page weight: /full/');
    const f = await pageWeight(server.origin, '/full/');
    note(`longest chapter: ${chapter} (${chars} characters of plan text)`);
    row('longest chapter HTML, gzip (KB)', kb(c.html), '≤ 60', c.html <= 60 * 1024);
    row(`longest chapter JS before input, gzip (KB)`, kb(c.js), '≤ 30', c.js <= 30 * 1024);
    note(`largest scripts (KB gzip): ${c.largestScripts.join(', ')}`);
    row('longest chapter CSS, gzip (KB)', kb(c.css), '≤ 25', c.css <= 25 * 1024);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    note(
      `/full/ (whole plan, one page): HTML ${kb(f.html)} KB (${ratio(f.html, c.html)} the chapter), ` +
        `JS ${kb(f.js)} KB (${ratio(f.js, c.js)}), CSS ${kb(f.css)} KB (${ratio(f.css, c.css)}); ` +
        `${c.scripts} scripts on the chapter, ${f.scripts} on /full/`,
    );
  } finally {
    await server.close();
  }
}

/** Prints the Lighthouse rows of the build in `outDir`. */
export async function benchLighthouse(outDir: string): Promise<void> {
  const server = await serveStatic(outDir);
  try {
    const pages = ['/', longestChapterOf(outDir).path, '/indicators/', '/search/'];
    for (const [i, url] of pages.entries()) {
      if (!existsSync(path.join(outDir, url, 'index.html'))) {
        note(`Lighthouse ${url}: not built (skipped)`);
        continue;
      }
      progress(`Lighthouse ${i + 1}/${pages.length}: ${url}`);
      const { scores, failed } = await lighthouseScores(server.origin, url);
      for (const [id, min] of Object.entries(LIGHTHOUSE_BUDGETS)) budget(`Lighthouse ${url} ${id}`, scores[id] ?? 0, { atLeast: min }, 0);
      if (failed.length > 0) note(`  audits below 0.9: ${failed.join(', ')}`);
    }
  } finally {
    await server.close();
  }
}
