// `npm run build`: converts the embedded plan into src/content/generated/
// (scripts/convert.ts), then builds the site into dist/ with Astro — the
// same two steps as `convert && astro build`, but Astro's own modules, a few
// seconds of loading before it can read the converted plan, load while the
// converter runs in a child process: on two cores the two overlap (issue 13:
// the build within 15 s). Plain JavaScript, run by Node without tsx: under
// tsx's loader every module Astro loads would pass through its hooks. The
// config is given to Astro bundled into plain JavaScript, which Node imports
// without the Vite server Astro would start to load it
// (astro-config-bundle.mjs); bundled meanwhile too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONFIG_BUNDLE, bundleAstroConfig } from './astro-config-bundle.mjs';

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
// Loaded meanwhile; nothing of the site is read before build() below (the
// config reads the converted plan when Astro imports it).
const astro = import('astro');
const configBundled = bundleAstroConfig(root);
try {
  await Promise.all([converted, configBundled]);
  const { build } = await astro;
  await build({ root, configFile: CONFIG_BUNDLE });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
