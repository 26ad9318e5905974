/**
 * The search index, built at the end of `astro build` (an Astro integration;
 * it must stand before postBuild, which hashes and precaches the output).
 *
 * Pagefind indexes every built page — with its own rules: only inside
 * `data-pagefind-body`, without `data-pagefind-ignore` parts, filters and
 * metadata from `data-pagefind-*` attributes, anchors from ids — but is given
 * each page in the indexer's view (indexer-view.ts): the text cut into search
 * units, box and row ends marked. The served pages are not touched.
 * /pagefind/pagefind.js becomes the site's entry module, which searches over
 * the units and ranks with the page list (pagefind-entry.ts, phrase-search.ts,
 * bundled into one file with Pagefind's own module). Then the page list (page-map.ts: the
 * model's filters for the pages indexed) is written to /search/pages.json.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { build } from 'esbuild';
import { indexerView } from './indexer-view';
import { pageMapOf } from './page-map';
import { parseFragment, type FragmentData } from './pagefind-internals';
import { readPlan } from '../site/plan/read-plan-fs';
import { builtPages } from '../site/integrations/built-pages-fs';
import { PAGEFIND_DIR, PAGE_MAP_PATH } from './search-paths';

/**
 * The language the index is built in. Not zh-cn: Pagefind would segment the
 * text again with its dictionary; the units are cut already. `und` has no
 * stemmer and no segmenter, and the browser falls back to it.
 */
export const INDEX_LANGUAGE = 'und';

/**
 * Files of Pagefind's bundle the site does not use: its ready-made interfaces
 * (Default, Modular, Component UI, highlighter) and its web worker (the site's
 * module starts Pagefind without it: pagefind-entry.ts).
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

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

/** Reads a fragment file Pagefind wrote (gzip of its format: pagefind-internals.ts). */
function readFragment(file: string): FragmentData {
  return parseFragment(gunzipSync(readFileSync(file)).toString('utf8'));
}

/** Pagefind's marker of the part of a page it indexes. */
const BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * The pages Pagefind indexes, of `pages`: once any page has a
 * `data-pagefind-body` element, it skips every page without one (its
 * documented rule; which pages have one, index-only-plan.ts decides). The
 * others are not viewed and not sent at all: three quarters of the site's
 * pages, and of the index's time (issue 13: the build within 15 s). Matched
 * as text, so a page that only names the attribute is sent, and skipped by
 * Pagefind; none is left out that Pagefind would index.
 */
function pagesPagefindIndexes<P extends { html: string }>(pages: P[]): P[] {
  const withBody = pages.filter((page) => page.html.includes(BODY_ATTRIBUTE));
  return withBody.length > 0 ? withBody : pages;
}

/**
 * Indexes the built site in `outDir`; returns the number of pages indexed.
 * Pagefind works in a process of its own: what this thread has to do (each
 * page's view, the model's filters, the fragments) is done while it works,
 * in the same order of requests as one after the other.
 */
export async function buildSearchIndex(outDir: string): Promise<number> {
  try {
    const created = pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    const pages = pagesPagefindIndexes(
      builtPages(outDir).map((file) => ({ sourcePath: path.relative(outDir, file).split(path.sep).join('/'), html: readFileSync(file, 'utf8') })),
    );
    const { index } = check('createIndex', await created);
    if (!index) throw new Error('Pagefind returned no index');
    const titleOf = new Map<string, string>();
    // Each page's view is made while Pagefind indexes the page before.
    let added: Promise<void> = Promise.resolve();
    for (const { sourcePath, html } of pages) {
      const content = indexerView(html);
      await added;
      added = index.addHTMLFile({ sourcePath, content }).then((response) => {
        const { file } = check(`indexing ${sourcePath}`, response);
        if (file.meta.title !== undefined) titleOf.set(file.url, file.meta.title);
      });
    }
    await added;
    const bundle = path.join(outDir, PAGEFIND_DIR);
    const written = index.writeFiles({ outputPath: bundle });
    const plan = readPlan();
    check('writeFiles', await written);
    // Not published, not precached.
    for (const name of readdirSync(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) rmSync(path.join(bundle, name));
    const entryWritten = writeEntryModule(bundle);
    const fragmentDir = path.join(bundle, 'fragment');
    const fragments = new Map(
      readdirSync(fragmentDir).map((name) => [name.replace(/\.pf_fragment$/, ''), readFragment(path.join(fragmentDir, name))]),
    );
    const map = pageMapOf(plan, fragments, titleOf);
    const mapFile = path.join(outDir, PAGE_MAP_PATH);
    mkdirSync(path.dirname(mapFile), { recursive: true });
    writeFileSync(mapFile, JSON.stringify(map));
    await entryWritten;
    return map.pages.length;
  } finally {
    await pagefind.close();
  }
}

/** The integration. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'gangyao:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
