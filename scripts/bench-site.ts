/**
 * The site's figures for `npm run bench`, each beside its budget:
 *
 * - `npm run build` from a clean checkout: HEAD cloned into a temporary
 *   folder, `npm ci` (from npm's local cache where it can), then the build
 *   timed; the time of `npm ci` is printed but not budgeted.
 * - Page weight (scripts/bench-page-weight.ts): what Chromium fetches for
 *   the longest chapter on a first and a repeat visit, gzip, by HTML, CSS
 *   and JS; the heaviest other page; /full/, /terms/ and /search/.
 * - Lighthouse 12.2.3 (default config: the mobile preset, simulated
 *   throttling) in Debian's Chromium on home, the longest chapter,
 *   /indicators/ and /search/, served from loopback.
 *
 * `--skip-build` measures the current dist/ instead of a clean clone's;
 * `--skip-lighthouse` leaves Lighthouse out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { serveStatic } from '../tests/browser/static-server.ts';
import { longestChapter } from '../tests/gates/gate-site.ts';
import { planSchema } from '../src/convert/model.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { benchPageWeight } from './bench-page-weight.ts';

/** Prints one figure beside its budget. */
export type Row = (name: string, value: string, budget: string, ok: boolean) => void;

const ROOT = path.resolve(import.meta.dirname, '..');


function timed(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, BASE_PATH: '/' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Clones HEAD, installs, builds; returns the clone's dist/ and the times. */
function cleanBuild(): { outDir: string; ci: number; build: number; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-clean-'));
  const clone = path.join(dir, 'repo');
  timed('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], ROOT);
  const ci = timed('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], clone);
  const build = timed('npm', ['run', 'build'], clone);
  return { outDir: path.join(clone, 'dist'), ci, build, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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

/** Measures and prints the site's rows. */
export async function benchSite(row: Row, options: { skipBuild: boolean; skipLighthouse: boolean }): Promise<void> {
  let outDir = path.join(ROOT, 'dist');
  let cleanup = () => {};
  if (!options.skipBuild) {
    const built = cleanBuild();
    outDir = built.outDir;
    cleanup = built.cleanup;
    console.log(`  npm ci in a clean clone of HEAD: ${built.ci.toFixed(1)} s (not budgeted)`);
    // Times on a shared machine mean little without its load.
    console.log(`  load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${process.env.CI ? 'CI' : 'local'})`);
    row('npm run build, clean checkout (s)', built.build.toFixed(1), '≤ 30', built.build <= 30);
  } else if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error('--skip-build needs a built dist/ (npm run build)');
  }
  const server = await serveStatic(outDir);
  try {
    const plan = planSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'data/plan.json'), 'utf8')));
    const chapter = longestChapter(plan).path;
    console.log(`  longest chapter: ${chapter} (${longestChapter(plan).chars} characters of plan text)`);
    await benchPageWeight(row, outDir, chapter);
    if (!options.skipLighthouse) {
      const pages = ['/', chapter, '/indicators/', '/search/'];
      for (const url of pages) {
        if (!existsSync(path.join(outDir, url, 'index.html'))) {
          console.log(`  Lighthouse ${url}: not built (skipped)`);
          continue;
        }
        const { scores, failed } = await lighthouseScores(server.origin, url);
        for (const [id, budget] of Object.entries(LIGHTHOUSE_BUDGETS)) {
          row(`Lighthouse ${url} ${id}`, String(scores[id]), `≥ ${budget}`, (scores[id] ?? 0) >= budget);
        }
        if (failed.length > 0) console.log(`    audits below 0.9: ${failed.join(', ')}`);
      }
    }
  } finally {
    await server.close();
    cleanup();
  }
}
