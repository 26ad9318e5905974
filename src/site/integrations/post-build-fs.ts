/**
 * The last step of `astro build`, as an Astro integration that must stand
 * last in the config (after the search index, src/search/search-index-fs.ts;
 * Starlight's own Pagefind run is off): it writes each page's
 * Content-Security-Policy, then generates
 * the service worker and the list of the offline edition from the finished
 * output — so their revisions are those of the files as served, Pagefind's
 * index included —
 * and last the `_headers` file of cache headers for every file written
 * (cache-headers.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { withContentSecurityPolicy } from './content-security-policy.ts';
import { CONTENT_HASHED_SOURCE, cacheRules, headersFile, HEADERS_FILE } from './cache-headers.ts';
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

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Adds its policy to every HTML file under `dir`; returns how many. */
export function writeContentSecurityPolicies(dir: string): number {
  const files = htmlFilesUnder(dir);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, withContentSecurityPolicy(html, path.relative(dir, file)));
  }
  return files.length;
}

/** Every file under `dir` with its content hash and gzip size. */
function builtFiles(dir: string): BuiltFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const bytes = readFileSync(file);
      return {
        rel: path.relative(dir, file).split(path.sep).join('/'),
        hash: shortHash(bytes),
        gzipBytes: offlinePart(path.relative(dir, file).split(path.sep).join('/')) === 'none' ? 0 : gzipSync(bytes).length,
      };
    });
}

const shortHash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The worker's caches, named once here and handed to public/sw-edition.js through `self.OFFLINE_EDITION`. */
const SITE_CACHE = 'gangyao-site';
const EDITION_STATE_CACHE = 'gangyao-edition';

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
 */
export async function writeServiceWorker(dir: string): Promise<{ shell: number; shellBytes: number; edition: EditionManifest }> {
  const files = builtFiles(dir);
  const { shell, edition } = offlineParts(files, shortHash);
  writeFileSync(path.join(dir, EDITION_FILE), JSON.stringify(edition));
  const stripQuery = {
    cacheKeyWillBeUsed: async ({ request }: { request: Request }) => request.url.replace(/[?#].*$/, ''),
  };
  const { warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: shell,
    swDest: path.join(dir, SERVICE_WORKER_FILE),
    // Astro's /_astro/ files carry a content hash in their names already.
    dontCacheBustURLsMatching: /^_astro\//,
    // /full/ is no longer precached, but 404.html is a whole page with the 目录.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    importScripts: [SW_EDITION_SCRIPT],
    runtimeCaching: [
      {
        // A page: the network's copy when online; offline the kept one, or
        // the precached 404.html (search, 目录, page jump) instead of the
        // browser's error. Relative to sw.js, so any base.
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: { cacheName: SITE_CACHE, plugins: [stripQuery], precacheFallback: { fallbackURL: NOT_FOUND_FILE } },
      },
      {
        urlPattern: new RegExp(`/(?:${CONTENT_HASHED_SOURCE})(?:[?#].*)?$`),
        handler: 'CacheFirst',
        options: { cacheName: SITE_CACHE, plugins: [stripQuery] },
      },
      {
        urlPattern: ({ sameOrigin }) => sameOrigin,
        handler: 'NetworkFirst',
        options: { cacheName: SITE_CACHE, plugins: [stripQuery] },
      },
    ],
    cleanupOutdatedCaches: true,
    skipWaiting: true,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  const worker = path.join(dir, SERVICE_WORKER_FILE);
  const settings = {
    revision: edition.revision,
    megabytes: approxMegabytes(edition.gzipBytes),
    manifest: EDITION_FILE,
    siteCache: SITE_CACHE,
    stateCache: EDITION_STATE_CACHE,
  };
  writeFileSync(worker, `self.OFFLINE_EDITION=${JSON.stringify(settings)};\n${readFileSync(worker, 'utf8')}`);
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
  return {
    name: 'gangyao:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = writeContentSecurityPolicies(outDir);
        logger.info(`Content-Security-Policy written into ${pages} pages`);
        const { shell, shellBytes, edition } = await writeServiceWorker(outDir);
        logger.info(
          `${SERVICE_WORKER_FILE} precaches the shell, ${shell} files (${(shellBytes / 1024).toFixed(1)} KB gzip); ` +
            `saving the edition downloads ${edition.files.length} files (${approxMegabytes(edition.gzipBytes)} MB gzip)`,
        );
        logger.info(`${HEADERS_FILE}: cache headers in ${writeCacheHeaders(outDir, base)} rules`);
      },
    },
  };
}
