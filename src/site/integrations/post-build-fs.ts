/**
 * The last step of `astro build`, as an Astro integration that must stand
 * last in the config (after Starlight, whose own `astro:build:done` runs
 * Pagefind): it writes each page's Content-Security-Policy, then generates
 * the service worker that precaches the finished output — so the worker's
 * revisions are those of the files as served, Pagefind's index included.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { withContentSecurityPolicy } from './content-security-policy.ts';

/** File name of the service worker, at the root of the deployment base. */
export const SERVICE_WORKER_FILE = 'sw.js';

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
 * the new build no longer has. `skipWaiting`/`clientsClaim` let the new
 * worker take over as soon as it has the whole new build; the page script
 * (public/register-sw.js) then reloads open pages, so no page runs against a
 * cache of another build.
 */
export async function writeServiceWorker(dir: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: [SERVICE_WORKER_FILE, `${SERVICE_WORKER_FILE}.map`, 'workbox-*.js'],
    swDest: path.join(dir, SERVICE_WORKER_FILE),
    // Astro's /_astro/ files carry a content hash in their names already.
    dontCacheBustURLsMatching: /^_astro\//,
    // /full/ (the whole plan) and Pagefind's wasm are larger than Workbox's 2 MB default allows for.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // A static site never varies by query: /search/?q=碳达峰 is /search/.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
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

/** The integration; put it last in `integrations`. */
export default function postBuild(): AstroIntegration {
  return {
    name: 'gangyao:post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = writeContentSecurityPolicies(outDir);
        logger.info(`Content-Security-Policy written into ${pages} pages`);
        const { count, size } = await writeServiceWorker(outDir);
        logger.info(`${SERVICE_WORKER_FILE} precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
