/**
 * The last step of `astro build`, as an Astro integration that must stand
 * last in the config (after the search index, src/search/search-index-fs.ts;
 * Starlight's own Pagefind run is off): it writes each page's
 * Content-Security-Policy, then generates
 * the service worker that precaches the finished output — so the worker's
 * revisions are those of the files as served, Pagefind's index included —
 * and last the `_headers` file of cache headers for every file written
 * (cache-headers.ts).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { withContentSecurityPolicy } from './content-security-policy.ts';
import { HEADERS_FILE, cacheRules, headersFile } from './cache-headers.ts';

/** File name of the service worker, at the root of the deployment base. */
export const SERVICE_WORKER_FILE = 'sw.js';
/** The page for unknown addresses, at the root of the deployment base. */
export const NOT_FOUND_FILE = '404.html';

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

/**
 * Writes `dir/sw.js`: a Workbox worker precaching every file of the build.
 * Each entry carries a content hash, so a new build re-downloads exactly what
 * changed and `cleanupOutdatedCaches` plus the per-URL revisions drop what
 * the new build no longer has. A navigation to an address the build does not
 * have goes to the network and, offline, gets the precached 404 page.
 * `skipWaiting`/`clientsClaim` let the new
 * worker take over as soon as it has the whole new build; the page script
 * (public/register-sw.js) then reloads open pages, so no page runs against a
 * cache of another build.
 */
export async function writeServiceWorker(dir: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    // _headers is the host's configuration, never served.
    globIgnores: [SERVICE_WORKER_FILE, `${SERVICE_WORKER_FILE}.map`, 'workbox-*.js', HEADERS_FILE],
    swDest: path.join(dir, SERVICE_WORKER_FILE),
    // Astro's /_astro/ files carry a content hash in their names already.
    dontCacheBustURLsMatching: /^_astro\//,
    // /full/ (the whole plan) and Pagefind's wasm are larger than Workbox's 2 MB default allows for.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // A static site never varies by query: /search/?q=碳达峰 is /search/.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // An address the build does not have: online the host's 404 page comes
    // from the network; offline the precached 404.html (search, 目录, page
    // jump) instead of the browser's error. Relative to sw.js, so any base.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: NOT_FOUND_FILE } },
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
  return { count, size };
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
        const { count, size } = await writeServiceWorker(outDir);
        logger.info(`${SERVICE_WORKER_FILE} precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
        logger.info(`${HEADERS_FILE}: cache headers in ${writeCacheHeaders(outDir, base)} rules`);
      },
    },
  };
}
