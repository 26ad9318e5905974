/**
 * `npm run bench`: performance figures of the project, each printed beside its
 * budget. Conversion: the whole `npm run convert` work (read the plan, convert,
 * write plan.json and the MDX pages), median of 5 runs after one warm-up.
 * Search: scripts/bench-search.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertFiles } from '../src/convert/convert-fs.ts';
import { benchSite } from './bench-site.ts';
import { benchSearch } from './bench-search.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeConversion(runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gangyao-bench-'));
  const paths = {
    input: 'content/source/beijing-14th-five-year-plan.txt',
    out: join(dir, 'out'),
    corrections: 'content/corrections.json',
    decisions: 'content/structure-decisions.json',
  };
  await convertFiles(paths); // warm-up: module loading and JIT are not the conversion
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await convertFiles(paths);
    times.push(performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  return times;
}

const conversion = await timeConversion(5);
const row = (name: string, value: string, budget: string, ok: boolean) =>
  console.log(`${name.padEnd(40)} ${value.padStart(12)}   budget ${budget.padEnd(10)} ${ok ? 'ok' : 'OVER BUDGET'}`);
row('conversion, median of 5 (ms)', median(conversion).toFixed(1), '≤ 300', median(conversion) <= 300);
console.log(`  runs: ${conversion.map((t) => t.toFixed(1)).join(', ')} ms`);

// Search on the built dist/: first-query downloads and warm query time (scripts/bench-search.ts).
await benchSearch(row);

// The site: clean build time, page weights, Lighthouse (scripts/bench-site.ts).
await benchSite(row, { skipBuild: process.argv.includes('--skip-build'), skipLighthouse: process.argv.includes('--skip-lighthouse') });
