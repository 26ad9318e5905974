// The modules `npm run build` (scripts/build.mjs) runs from TypeScript,
// each bundled by esbuild into one plain-JavaScript module Node imports
// itself, in a fraction of the time another loader takes:
//
// - astro.config.mjs. Astro imports a .mjs config with Node first, but ours
//   reaches TypeScript (our src/ modules and Starlight, which ships as .ts),
//   so Astro falls back to starting a Vite server just to load it, and every
//   module of Starlight's integration passes through Vite's transforms: about
//   a second of a two-core build (issue 13).
// - the converter's command (scripts/convert.ts). Under tsx every module it
//   loads passes through tsx's hooks (in a thread of their own) and its
//   compiler: about two thirds of a second of CPU more than the bundle, on
//   the core Astro is loading on meanwhile.
// - the build's worker threads, each bundled when the build starts it: the
//   model worker (src/site/model-products-fs.ts, started by the model-worker
//   integration), the search index's and the pages' policies'
//   (src/site/integrations/module-worker-fs.ts). Under tsx's loader each
//   one's modules took about a second of CPU more to load, on the core the
//   workers are there to spare.
//
// A bundle holds our modules (and Starlight's); every other package stays an
// import, so Astro, Vite and the rest are the instances Astro itself uses.
// `import.meta.url` keeps each module's own address (files are found next to
// their module: sw-shell.js, the CSP worker's module, Starlight's virtual
// config, the curated tables). The bundles are written under
// node_modules/.cache/, inside the project, so Node resolves the packages
// they import from the project's node_modules.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where the bundles are written, relative to the project root. */
const BUNDLES = 'node_modules/.cache/gangyao-build';
/** The config's bundle, relative to the project root (Astro's `configFile`). */
export const CONFIG_BUNDLE = `${BUNDLES}/astro.config.mjs`;
/** The converter's bundle, relative to the project root: `node CONVERTER_BUNDLE [options]` is `npm run convert -- [options]`. */
export const CONVERTER_BUNDLE = `${BUNDLES}/convert.mjs`;

/** Modules the bundle holds: Starlight is TypeScript, which Node cannot import. */
const BUNDLED_PACKAGE = /^@astrojs\/starlight(\/|$)/;

const ourModules = {
  name: 'our-modules',
  setup(b) {
    // Starlight imports its Expressive Code themes as text (Vite's `?raw`).
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGE.test(args.path) ? undefined : { external: true }));
    // (A pattern, not the words themselves, so that this file, which the
    // config's bundle holds for the model worker, keeps its own code.)
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
      loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
    }));
  },
};

/** Bundles `entry` (esbuild's entry options) of the project at `root` into `root`/`outfile`. */
async function bundle(root, entry, outfile) {
  // A new file, never the old one rewritten in place: node_modules may be a
  // copy of hard links (tests/gates/copy-build.ts makes one), whose old
  // bundle another project's build would then read.
  await rm(path.join(root, outfile), { force: true });
  await build({
    absWorkingDir: root,
    ...entry,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [ourModules],
    logLevel: 'error',
  });
}

/** Writes the bundle of `root`/astro.config.mjs to `root`/CONFIG_BUNDLE. */
export function bundleAstroConfig(root) {
  return bundle(root, { entryPoints: ['astro.config.mjs'] }, CONFIG_BUNDLE);
}

/**
 * Writes the converter's command to `root`/CONVERTER_BUNDLE: an entry that
 * runs scripts/convert.ts's `main` with the command line (convert.ts runs
 * itself only when it is the script Node was started with, which in the
 * bundle it is not: its `import.meta.url` is its own file's).
 */
export function bundleConverter(root) {
  const contents = "import { main } from './scripts/convert.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n";
  return bundle(root, { stdin: { contents, resolveDir: root, sourcefile: 'convert-command.mjs', loader: 'js' } }, CONVERTER_BUNDLE);
}

/**
 * Writes a worker thread's module for `modulePath` (a TypeScript module of
 * the project at `root` that exports `serve(port)`) under
 * node_modules/.cache/gangyao-build/; returns the bundle's path. Run in a
 * worker thread, the bundle calls `serve` with the port to the thread that
 * started it (src/site/integrations/module-worker-fs.ts).
 */
export async function bundleModuleWorker(root, modulePath, serve) {
  const outfile = path.join(BUNDLES, `${path.basename(modulePath).replace(/\.[cm]?[jt]s$/, '')}.worker.mjs`);
  const contents = `import { parentPort } from 'node:worker_threads';\nimport { ${serve} } from ${JSON.stringify(modulePath)};\n${serve}(parentPort);\n`;
  await bundle(root, { stdin: { contents, resolveDir: root, sourcefile: path.basename(outfile), loader: 'js' } }, outfile);
  return path.join(root, outfile);
}

/**
 * Writes the model worker's module: run in a worker thread, it posts the
 * products of the model made from the files on disk to the thread that
 * started it (src/site/model-products-fs.ts). Returns the bundle's path.
 */
export function bundleModelWorker(root) {
  return bundleModuleWorker(root, path.join(root, 'src/site/model-products-fs.ts'), 'postModelProducts');
}
