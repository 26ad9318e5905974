// astro.config.mjs as one plain-JavaScript module Node can import itself, for
// `npm run build` (scripts/build.mjs). Astro imports a .mjs config with Node
// first, but ours reaches TypeScript (our src/ modules and Starlight, which
// ships as .ts), so Astro falls back to starting a Vite server just to load
// it, and every module of Starlight's integration passes through Vite's
// transforms: about a second of a two-core build (issue 13). esbuild bundles
// the same modules in a fraction of that, in its own process while Astro loads.
//
// The bundle holds our modules and Starlight's; every other package stays an
// import, so Astro, Vite and the rest are the instances Astro itself uses.
// `import.meta.url` keeps each module's own address (files are found next to
// their module: sw-shell.js, the CSP worker's module, Starlight's virtual
// config). It is written under node_modules/.cache/, inside the project, so
// Node resolves the packages it imports from the project's node_modules.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The bundle's path, relative to the project root (Astro's `configFile`). */
export const CONFIG_BUNDLE = 'node_modules/.cache/gangyao-build/astro.config.mjs';

/** Modules the bundle holds: Starlight is TypeScript, which Node cannot import. */
const BUNDLED_PACKAGE = /^@astrojs\/starlight(\/|$)/;

const astroConfigModules = {
  name: 'astro-config-modules',
  setup(b) {
    // Starlight imports its Expressive Code themes as text (Vite's `?raw`).
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGE.test(args.path) ? undefined : { external: true }));
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
    }));
  },
};

/** Writes the bundle of `root`/astro.config.mjs to `root`/CONFIG_BUNDLE. */
export async function bundleAstroConfig(root) {
  // A new file, never the old one rewritten in place: node_modules may be a
  // copy of hard links (tests/gates/copy-build.ts makes one), whose old
  // bundle another project's build would then read.
  await rm(path.join(root, CONFIG_BUNDLE), { force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['astro.config.mjs'],
    outfile: CONFIG_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [astroConfigModules],
    logLevel: 'error',
  });
}
