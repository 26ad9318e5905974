/**
 * What the service worker keeps offline, in two parts (issue 13, item 3):
 *
 * - the shell, precached when the worker installs: the page for unknown
 *   addresses (404.html, with search, 目录 and page jump), the site's scripts
 *   and styles (`/_astro/`, every control's code, loaded or not) and the
 *   top-level files every page loads. Small, and most of it the visited page
 *   has fetched already. The pages the reader opens are kept as they are
 *   opened (the worker's runtime cache).
 * - the edition: every other page and the search index (`/pagefind/`), which
 *   the worker saves only on the reader's request or, on a connection that
 *   is neither Save-Data nor slow, in the background (public/sw-edition.js,
 *   public/offline-control.js). Its size, gzip, is the "约 N MB" of the control.
 *
 * The files of /data/ and /downloads/ (JSON, CSV, EPUB, text) are for taking
 * away, not for reading here: neither part holds them (their index pages are
 * in the edition), so saving the edition costs a phone what reading needs.
 *
 * Pure: the built files in, the parts out.
 */
import { HEADERS_FILE, isContentHashed } from './cache-headers.ts';

/** File name of the service worker, at the root of the deployment base. */
export const SERVICE_WORKER_FILE = 'sw.js';
/** The worker's own code for saving the edition (public/), imported by sw.js. */
export const SW_EDITION_SCRIPT = 'sw-edition.js';
/** The list of the edition's files, at the root of the deployment base, read by the worker when it saves. */
export const EDITION_FILE = 'offline-edition.json';
/** The page for unknown addresses, at the root of the deployment base. */
export const NOT_FOUND_FILE = '404.html';

/** A built file: its path relative to the output (`/`-separated), its content hash and its gzip size. */
export interface BuiltFile {
  rel: string;
  hash: string;
  gzipBytes: number;
}

/** Which part of the offline copy a built file belongs to. */
export type OfflinePart = 'shell' | 'edition' | 'none';

const TAKE_AWAY = /^(data|downloads)\/[^/]+$/;
const SHELL_TOP_LEVEL = /^[^/]+\.(js|css|svg|webmanifest)$/;

export function offlinePart(rel: string): OfflinePart {
  if ([SERVICE_WORKER_FILE, SW_EDITION_SCRIPT, EDITION_FILE, HEADERS_FILE].includes(rel)) return 'none';
  if (rel.endsWith('.map') || /^workbox-[^/]*\.js$/.test(rel)) return 'none';
  if (rel === NOT_FOUND_FILE || rel.startsWith('_astro/') || SHELL_TOP_LEVEL.test(rel)) return 'shell';
  if (!rel.includes('/') && !rel.endsWith('.html')) return 'none'; // sitemaps and the like: not for readers
  if (TAKE_AWAY.test(rel) && !rel.endsWith('.html')) return 'none';
  return 'edition';
}

/** The address of a built file relative to the base, as a reader's browser asks for it: `part-2/index.html` is `part-2/`. */
export function editionUrl(rel: string): string {
  return rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** The list the worker saves from: each address with its revision ('' when its name carries its content hash). */
export interface EditionManifest {
  /** Changes whenever any file of the edition does. */
  revision: string;
  /** What saving it downloads, gzip. */
  gzipBytes: number;
  files: [url: string, revision: string][];
}

/** The shell's files and the edition's manifest of a build. `hashOf` joins revisions into one (a content hash). */
export function offlineParts(files: readonly BuiltFile[], hashOf: (text: string) => string): { shell: string[]; edition: EditionManifest } {
  const sorted = [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const shell = sorted.filter((f) => offlinePart(f.rel) === 'shell').map((f) => f.rel);
  const saved = sorted.filter((f) => offlinePart(f.rel) === 'edition');
  const entries = saved.map((f): [string, string] => [editionUrl(f.rel), isContentHashed(f.rel) ? '' : f.hash]);
  return {
    shell,
    edition: {
      revision: hashOf(saved.map((f) => `${f.rel} ${f.hash}`).join('\n')),
      gzipBytes: saved.reduce((sum, f) => sum + f.gzipBytes, 0),
      files: entries,
    },
  };
}

/** "约 N MB" of the control: one decimal, MB of 1024 × 1024 bytes. */
export function approxMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
