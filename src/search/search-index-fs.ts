/**
 * The search index, built while `astro build` renders the site (an Astro
 * integration; it must stand before postBuild, which hashes and precaches the
 * output).
 *
 * Pagefind indexes every built page — with its own rules: only inside
 * `data-pagefind-body`, without `data-pagefind-ignore` parts, filters and
 * metadata from `data-pagefind-*` attributes, anchors from ids — but is given
 * each page in the indexer's view (indexer-view.ts): the text cut into search
 * units, box and row ends marked. The served pages are not touched.
 * Each page is given as soon as Astro has rendered it (page-feed-middleware.ts
 * hands it over, index-feed.ts puts the pages in a fixed order) to a worker
 * thread, which makes its view and sends it to Pagefind, in a process of its
 * own (index-worker-fs.ts): both work on the second core while Astro renders
 * the rest, instead of after the last page is written (issue 13: the build
 * within 15 s). When the last is rendered, Pagefind makes its files
 * (in memory, while the pages are finished); once the pages are written, they
 * are checked against what was indexed, Pagefind's files are written but for
 * the ones the site does not use, and
 * /pagefind/pagefind.js becomes the site's entry module, which searches over
 * the units and ranks with the page list (pagefind-entry.ts, phrase-search.ts,
 * bundled into one file with Pagefind's own module). Then the page list (page-map.ts: the
 * model's filters for the pages indexed) is written to /search/pages.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { pageMapOf } from './page-map';
import { parseFragment, type FragmentData } from './pagefind-internals';
import { readPlan } from '../site/plan/read-plan-fs';
import { builtPages } from '../site/integrations/built-pages-fs';
import { withoutModuleScripts } from '../site/integrations/merge-page-scripts-fs';
import { IndexFeed, feedProblems } from './index-feed';
import { startIndexWorker, type IndexMade, type IndexWorker } from './index-worker-fs';
import { registerPageFeed, unregisterPageFeed } from './page-feed';
import { PAGEFIND_DIR, PAGE_MAP_PATH } from './search-paths';

/**
 * Files of Pagefind's bundle the site does not use: its ready-made interfaces
 * (Default, Modular, Component UI, highlighter) and its web worker (the site's
 * module starts Pagefind without it: pagefind-entry.ts).
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

/**
 * Makes /pagefind/pagefind.js search over the units (see pagefind-entry.ts):
 * the entry module is bundled with its imports and Pagefind's own module (the
 * pagefind.js Pagefind wrote, imported as `pagefind-core`) into one minified
 * file, which replaces it. Every first query downloads it: one file and no
 * comments or long names saves a request and bytes.
 */
async function writeEntryModule(bundle: string): Promise<void> {
  const core = path.join(bundle, 'pagefind.js');
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pagefind-entry.ts');
  // Rejects, naming the file, on a syntax error or an import that cannot be resolved.
  const { outputFiles } = await build({
    entryPoints: [entry],
    alias: { 'pagefind-core': core },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(core, outputFiles[0]!.text);
}

/** A fragment file of Pagefind's (gzip of its format: pagefind-internals.ts). */
function readFragment(content: Uint8Array): FragmentData {
  return parseFragment(gunzipSync(content).toString('utf8'));
}

/**
 * Throws unless the pages the index was given are the built pages Pagefind
 * indexes, as written: Pagefind would read them so (index-feed.ts). The one
 * step that rewrites pages before this, merge-page-scripts, changes only
 * module script tags, which neither the view nor Pagefind reads; postBuild's
 * policies come after.
 */
function checkFed(outDir: string, fed: ReadonlyMap<string, string>): void {
  const built = new Map(builtPages(outDir).map((file) => [path.relative(outDir, file).split(path.sep).join('/'), readFileSync(file, 'utf8')]));
  const problems = feedProblems(fed, built, (rendered, written) => withoutModuleScripts(rendered) === withoutModuleScripts(written));
  if (problems.length > 0) throw new Error(`search index: ${problems.join('; ')}`);
}

/**
 * Finishes the index of the site built in `outDir`, once every page is
 * written: checks the pages it was given (`fed`), writes Pagefind's files
 * (`made`), makes the entry module and writes the page list. Returns the
 * number of pages indexed.
 */
async function finishSearchIndex(outDir: string, fed: ReadonlyMap<string, string>, made: Promise<IndexMade>): Promise<number> {
  checkFed(outDir, fed);
  const plan = readPlan();
  const bundle = path.join(outDir, PAGEFIND_DIR);
  const { files, titleOf } = await made;
  const fragments = new Map<string, FragmentData>();
  for (const file of files) {
    // Not published, not precached.
    if (UNUSED_BUNDLE_FILE.test(file.path)) continue;
    const target = path.join(bundle, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    const fragment = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (fragment) fragments.set(fragment[1]!, readFragment(file.content));
  }
  const entryWritten = writeEntryModule(bundle);
  const map = pageMapOf(plan, fragments, titleOf);
  const mapFile = path.join(outDir, PAGE_MAP_PATH);
  mkdirSync(path.dirname(mapFile), { recursive: true });
  writeFileSync(mapFile, JSON.stringify(map));
  await entryWritten;
  return map.pages.length;
}

/** The integration; put it before mergePageScripts, so that Pagefind makes its files while that step runs. */
export default function searchIndex(): AstroIntegration {
  let base = '/';
  let worker: IndexWorker | null = null;
  let feed: IndexFeed | null = null;
  let made: Promise<IndexMade> | null = null;
  return {
    name: 'gangyao:search-index',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./page-feed-middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': () => {
        const started = startIndexWorker();
        worker = started;
        feed = new IndexFeed(base, (page) => started.add(page));
        made = null;
        registerPageFeed(feed);
      },
      'astro:build:generated': () => {
        // Every page is rendered: the last route's pages go to Pagefind, which then makes its files.
        if (!worker || !feed) return;
        unregisterPageFeed(feed);
        feed.end();
        made = worker.made();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (feed) unregisterPageFeed(feed);
        const finishing = performance.now();
        if (!feed || !made) throw new Error('search index: none was started (astro:build:start) and asked for (astro:build:generated)');
        const pages = await finishSearchIndex(fileURLToPath(dir), feed.fed, made);
        worker = null;
        feed = null;
        made = null;
        logger.info(`search index: ${pages} pages, indexed as they were rendered; finished ${((performance.now() - finishing) / 1000).toFixed(2)} s after the pages were written`);
      },
    },
  };
}
