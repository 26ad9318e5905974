/**
 * The last step of `astro build`, as an Astro integration that must stand
 * last in the config (after the search index, src/search/search-index-fs.ts;
 * Starlight's own Pagefind run is off): it writes each page's
 * Content-Security-Policy (computed while the pages are rendered and the
 * search index is finished: page-policies-fs.ts), then generates
 * the service worker and the list of the offline edition from the finished
 * output — so their revisions are those of the files as served, Pagefind's
 * index included —
 * and last the `_headers` file of cache headers for every file written
 * (cache-headers.ts).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { builtFileOf, registerPageFeed, unregisterPageFeed, type PageFeed } from '../../search/page-feed.ts';
import { policedPages, sha256Hex, startPolicyWorker, writePolicedPages, type PolicedPage, type PolicyWorker } from './page-policies-fs.ts';
import { CONTENT_HASHED_SOURCE, cacheRules, headersFile, HEADERS_FILE, isContentHashed } from './cache-headers.ts';
import {
  EDITION_FILE,
  NOT_FOUND_FILE,
  SERVICE_WORKER_FILE,
  SW_EDITION_SCRIPT,
  approxMegabytes,
  offlinePart,
  offlineParts,
  type BuiltFile,
  type EditionManifest,
} from './offline-edition.ts';

export { NOT_FOUND_FILE, SERVICE_WORKER_FILE } from './offline-edition.ts';

/** Adds its policy to every HTML file under `dir`; returns how many. */
export function writeContentSecurityPolicies(dir: string): number {
  return writePolicedPages(policedPages(dir));
}

/**
 * Every file under `dir` with its content hash and gzip size. `gzipSizes`
 * (SHA-256 hex of a content → its gzip size) spares compressing again what
 * was measured already: the pages, measured with their policies in the
 * policies' worker (page-policies-fs.ts).
 */
function builtFiles(dir: string, gzipSizes: ReadonlyMap<string, number> = new Map()): BuiltFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const rel = path.relative(dir, file).split(path.sep).join('/');
      const bytes = readFileSync(file);
      const hash = sha256Hex(bytes);
      return { rel, hash: hash.slice(0, 16), gzipBytes: offlinePart(rel) === 'none' ? 0 : (gzipSizes.get(hash) ?? gzipSync(bytes).length) };
    });
}

const shortHash = (data: string | Buffer) => sha256Hex(data).slice(0, 16);

/** The worker's caches, named once here and handed to public/sw-edition.js through `self.OFFLINE_EDITION`. */
const SITE_CACHE = 'gangyao-site';
const EDITION_STATE_CACHE = 'gangyao-edition';

/** Workbox's prebuilt runtime, in the order its parts depend on each other (each defines one part of `self.workbox`). */
const WORKBOX_RUNTIME = ['workbox-core', 'workbox-routing', 'workbox-strategies', 'workbox-precaching'].map((name) =>
  createRequire(import.meta.url).resolve(`${name}/build/${name}.prod.js`),
);
/** The worker's own code, after the runtime. */
const WORKER_CODE = fileURLToPath(new URL('./sw-shell.js', import.meta.url));

/**
 * Writes `dir/offline-edition.json` and `dir/sw.js`, a Workbox worker that
 * (offline-edition.ts says why the two parts):
 *
 * - precaches the shell. Each entry carries a content hash, so a new build
 *   re-downloads exactly what changed and `cleanupOutdatedCaches` plus the
 *   per-URL revisions drop what the new build no longer has;
 * - keeps each page the reader opens, and what it loads, in one runtime cache
 *   (`gangyao-site`): pages and files that keep their name network first (a
 *   new build is read as soon as it is online), content-hashed files cache
 *   first. A query never varies a static file (/search/?q=碳达峰 is /search/,
 *   Pagefind's `pagefind-entry.json?ts=…` is `pagefind-entry.json`), so the
 *   cache keys drop it. A navigation to an address the build does not have
 *   goes to the network and, offline, gets the precached 404 page;
 * - imports public/sw-edition.js, which saves the edition into the same
 *   cache (one copy per address) when a page asks, and keeps it current
 *   across builds by the revisions of offline-edition.json.
 *
 * `skipWaiting`/`clientsClaim` let the new worker take over as soon as it has
 * the new shell; the page script (src/site/client/register-sw.ts) then reloads open
 * pages, so no page runs against a cache of another build. The worker begins
 * with the edition's revision, so every build that changes the edition is a
 * new worker.
 *
 * sw.js is put together, not bundled: this build's settings and precache
 * list, Workbox's prebuilt runtime (WORKBOX_RUNTIME) and the worker's own
 * code (sw-shell.js, which says what it registers).
 *
 * `gzipSizes`: gzip sizes known already, by the SHA-256 (hex) of the content
 * (see builtFiles).
 */
export async function writeServiceWorker(
  dir: string,
  gzipSizes?: ReadonlyMap<string, number>,
): Promise<{ shell: number; shellBytes: number; edition: EditionManifest }> {
  const files = builtFiles(dir, gzipSizes);
  const { shell, edition } = offlineParts(files, shortHash);
  writeFileSync(path.join(dir, EDITION_FILE), JSON.stringify(edition));
  const hashOf = new Map(files.map((f) => [f.rel, f.hash]));
  const settings = {
    revision: edition.revision,
    megabytes: approxMegabytes(edition.gzipBytes),
    manifest: EDITION_FILE,
    siteCache: SITE_CACHE,
    stateCache: EDITION_STATE_CACHE,
  };
  const shellSettings = {
    editionScript: SW_EDITION_SCRIPT,
    notFound: NOT_FOUND_FILE,
    contentHashed: CONTENT_HASHED_SOURCE,
    // Astro's /_astro/ files carry a content hash in their names already.
    precache: shell.map((rel) => ({ url: rel, revision: isContentHashed(rel) ? null : hashOf.get(rel) })),
  };
  // The runtime's source map comments are dropped: the maps are not published.
  const runtime = WORKBOX_RUNTIME.map((file) => readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  writeFileSync(
    path.join(dir, SERVICE_WORKER_FILE),
    [`self.OFFLINE_EDITION=${JSON.stringify(settings)};`, `self.OFFLINE_SHELL=${JSON.stringify(shellSettings)};\n`, ...runtime, readFileSync(WORKER_CODE, 'utf8')].join('\n'),
  );
  const shellBytes = files.filter((f) => shell.includes(f.rel)).reduce((sum, f) => sum + f.gzipBytes, 0);
  return { shell: shell.length, shellBytes, edition };
}

/** Writes `dir/_headers` for every file under `dir`, served under `base`; returns the number of rules. */
export function writeCacheHeaders(dir: string, base: string): number {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const rules = cacheRules(files, base);
  writeFileSync(path.join(dir, HEADERS_FILE), headersFile(rules));
  return rules.length;
}

/** The integration; put it last in `integrations`. */
export default function postBuild(): AstroIntegration {
  let base = '/';
  // The pages' policies, computed in a worker from the pages as rendered and
  // finished from the generated pages while the search index is
  // (page-policies-fs.ts). The worker starts with the build, so its modules
  // load meanwhile, and is given each page as rendered; it is asked in
  // build:generated, whose hooks run in the config's order, so after
  // merge-page-scripts has rewritten the pages in its own; settled at once,
  // so a failure waits for build:done to be thrown there.
  let worker: PolicyWorker | null = null;
  let policed: Promise<{ pages: PolicedPage[] } | { error: unknown }> | null = null;
  let feed: PageFeed | null = null;
  return {
    name: 'gangyao:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': () => {
        const started = startPolicyWorker();
        worker = started;
        // Each page as rendered, given to the worker (through the search index's middleware).
        feed = { page: ({ pathname, html }) => started.rendered(builtFileOf(pathname, base), html) };
        registerPageFeed(feed);
      },
      'astro:build:generated': ({ dir }) => {
        if (feed) unregisterPageFeed(feed);
        worker ??= startPolicyWorker();
        policed = worker.policedPages(fileURLToPath(dir)).then(
          (pages) => ({ pages }),
          (error: unknown) => ({ error }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (feed) unregisterPageFeed(feed);
        const outDir = fileURLToPath(dir);
        const result = policed ? await policed : { pages: policedPages(outDir) };
        if ('error' in result) throw result.error;
        const pages = writePolicedPages(result.pages);
        logger.info(`Content-Security-Policy written into ${pages} pages`);
        const { shell, shellBytes, edition } = await writeServiceWorker(outDir, new Map(result.pages.map((page) => [page.htmlHash, page.htmlGzipBytes])));
        logger.info(
          `${SERVICE_WORKER_FILE} precaches the shell, ${shell} files (${(shellBytes / 1024).toFixed(1)} KB gzip); ` +
            `saving the edition downloads ${edition.files.length} files (${approxMegabytes(edition.gzipBytes)} MB gzip)`,
        );
        logger.info(`${HEADERS_FILE}: cache headers in ${writeCacheHeaders(outDir, base)} rules`);
      },
    },
  };
}
