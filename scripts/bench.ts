/**
 * `npm run bench`: the project's performance figures, each printed beside its
 * budget (scripts/bench-report.ts prints the rows and keeps the score); the
 * run exits 1 when any figure is over budget. Long steps show their progress
 * on stderr. In this order:
 *
 * 1. conversion: the whole `npm run convert` work (read the plan, convert,
 *    write plan.json and the MDX pages), median of 5 runs after one warm-up;
 * 2. the build: `npm run build` in a clean clone of HEAD (scripts/bench-site.ts),
 *    whose dist/ every later step measures; `--skip-build` measures the
 *    current dist/ as it is instead;
 * 3. what a browser fetches for the longest chapter (scripts/bench-site.ts);
 * 4. offline: what the service worker downloads on a first visit and what
 *    保存全书 downloads (scripts/bench-offline.ts);
 * 5. search: first-query downloads and warm query time (scripts/bench-search.ts);
 * 6. Lighthouse (scripts/bench-site.ts); `--skip-lighthouse` leaves it out.
 *
 * A new measurement is a module exporting `async (outDir) => void` that
 * prints its rows with bench-report.ts's `budget()`/`row()`, added to STEPS.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertFiles } from '../src/convert/convert-fs.ts';
import { DEFAULT_BUILD } from '../tests/site/build-site.ts';
import { budget, median, note, overBudget, progress, row } from './bench-report.ts';
import { benchLighthouse, benchPageWeights, longestChapterOf, siteBuild } from './bench-site.ts';
import { benchOffline } from './bench-offline.ts';
import { benchSearch } from './bench-search.ts';

async function benchConversion(runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gangyao-bench-'));
  const paths = {
    input: 'content/source/beijing-14th-five-year-plan.txt',
    out: join(dir, 'out'),
    corrections: 'content/corrections.json',
    decisions: 'content/structure-decisions.json',
  };
  progress('conversion: warm-up');
  await convertFiles(paths); // warm-up: module loading and JIT are not the conversion
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`conversion: run ${i + 1}/${runs}`);
    const t = performance.now();
    await convertFiles(paths);
    times.push(performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  budget(`conversion, median of ${runs} (ms)`, median(times), { atMost: 300 });
  note(`runs: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
}

const skipBuild = process.argv.includes('--skip-build');
const skipLighthouse = process.argv.includes('--skip-lighthouse');

/** The measurements on the built site, in order. */
const STEPS: [name: string, run: (outDir: string) => Promise<void>][] = [
  ['page weight', benchPageWeights],
  ['offline', (outDir) => benchOffline(outDir, longestChapterOf(outDir).path)],
  ['search', (outDir) => benchSearch(row, outDir)],
];
if (!skipLighthouse) STEPS.push(['Lighthouse', benchLighthouse]);

await benchConversion(5);
let outDir: string;
let cleanup = () => {};
if (skipBuild) {
  outDir = DEFAULT_BUILD.outDir;
  if (!existsSync(join(outDir, 'index.html'))) throw new Error('--skip-build needs a built dist/ (npm run build)');
  note(`--skip-build: measuring ${outDir} as it is`);
} else {
  ({ outDir, cleanup } = siteBuild());
}
try {
  for (const [name, run] of STEPS) {
    progress(name);
    await run(outDir);
  }
} finally {
  cleanup();
}

const over = overBudget();
if (over.length > 0) {
  console.log(`\n${over.length} figure${over.length > 1 ? 's' : ''} over budget:\n${over.map((o) => `  ${o}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nevery figure within its budget');
}
