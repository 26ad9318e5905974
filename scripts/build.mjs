// `npm run build`: converts the embedded plan into src/content/generated/
// (scripts/convert.ts), then builds the site into dist/ with Astro — the
// same two steps as `convert && astro build`, but Astro's own modules, a few
// seconds of loading before it can read the converted plan, load while the
// converter runs in a child process: on two cores the two overlap (issue 13:
// the build within 15 s). Plain JavaScript, run by Node without tsx: under
// tsx's loader every module Astro loads would pass through its hooks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const converter = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/convert.ts', '--input', 'content/source/beijing-14th-five-year-plan.txt', '--out', 'src/content/generated'],
  { cwd: root, stdio: 'inherit' },
);
const converted = new Promise((resolve, reject) => {
  converter.on('error', reject);
  converter.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the converter failed (${signal ?? `exit ${code}`})`))));
});
// Loaded meanwhile; nothing of the site is read before build() below.
const astro = import('astro');
try {
  await converted;
  const { build } = await astro;
  await build({ root });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
