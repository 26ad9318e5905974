// `npm run build`: converts the embedded plan into src/content/generated/
// (scripts/convert.ts), then builds the site into dist/ with Astro — the
// same two steps as `convert && astro build`, but Astro's own modules, a few
// seconds of loading before it can read the converted plan, load while the
// converter runs in a child process: on two cores the two overlap (issue 13:
// the build within 15 s). Plain JavaScript, run by Node without tsx: under
// tsx's loader every module Astro loads would pass through its hooks. The
// converter and the config are given to Node bundled into plain JavaScript
// (node-bundles.mjs), the config so that Astro imports it without the Vite
// server it would start to load it; the config is bundled while the
// converter runs. The Vite server Astro starts to load the content config
// is given less to do (content-sync-server.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contentSyncServer } from './content-sync-server.mjs';
import { CONFIG_BUNDLE, CONVERTER_BUNDLE, bundleAstroConfig, bundleConverter } from './node-bundles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The build sends nothing anywhere: Astro's usage report (telemetry) is off,
// as Astro already keeps it off in CI, unless the environment says otherwise.
// A build of the edition should not talk to a third party, and the report's
// project id is read with a `git rev-list` that blocks the main thread.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
const converterBundled = bundleConverter(root);
const configBundled = bundleAstroConfig(root);
// Astro's modules load while the converter runs; nothing of the site is read
// before build() below (the config reads the converted plan when Astro
// imports it). Started once the converter's bundle is made: loading Astro
// keeps the main thread busy for over a second, and the bundle's answer from
// esbuild would wait behind it, and the converter with it.
const astro = converterBundled.then(() => import('astro'));
const converted = converterBundled.then(
  () =>
    new Promise((resolve, reject) => {
      const converter = spawn(
        process.execPath,
        [CONVERTER_BUNDLE, '--input', 'content/source/beijing-14th-five-year-plan.txt', '--out', 'src/content/generated'],
        { cwd: root, stdio: 'inherit' },
      );
      converter.on('error', reject);
      converter.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the converter failed (${signal ?? `exit ${code}`})`))));
    }),
);
try {
  await Promise.all([converted, configBundled]);
  const { build } = await astro;
  await build({ root, configFile: CONFIG_BUNDLE, vite: { plugins: [contentSyncServer()] } });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
