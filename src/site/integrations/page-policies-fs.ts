/**
 * Each built page with its Content-Security-Policy (content-security-policy.ts),
 * computed from the pages as generated and written by postBuild
 * (post-build-fs.ts).
 *
 * Computing them is most of the work (every page parsed), and only reads the
 * pages, as the search index that runs before postBuild does: so postBuild
 * computes them in a worker thread, started with the build (its modules load
 * while the site is built) and asked as soon as the pages are generated,
 * which runs on the second core while the search index is finished
 * (issue 13: the build within 15 s on two cores). Writing checks that no page
 * changed in between.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { builtPages } from './built-pages-fs.ts';
import { withContentSecurityPolicy } from './content-security-policy.ts';

/**
 * A page: its file, the hash of its HTML as generated, and its HTML with the
 * policy, with that HTML's hash and gzip size — what the service worker's
 * lists need of every file (post-build-fs.ts), computed here, beside the
 * search index, instead of after it.
 */
export interface PolicedPage {
  file: string;
  generatedHash: string;
  html: string;
  /** SHA-256 (hex) of `html` as UTF-8. */
  htmlHash: string;
  /** Its size gzip-compressed (node:zlib's defaults). */
  htmlGzipBytes: number;
}

/**
 * SHA-256 (hex) of a content (a string as UTF-8): a page's hash here, and
 * the key by which post-build-fs.ts finds the gzip sizes measured here.
 */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Every HTML file under `dir` with its policy added; throws as withContentSecurityPolicy does (an inline event handler, a second policy). */
export function policedPages(dir: string): PolicedPage[] {
  return builtPages(dir).map((file) => {
    const generated = readFileSync(file, 'utf8');
    const html = withContentSecurityPolicy(generated, path.relative(dir, file));
    return { file, generatedHash: sha256Hex(generated), html, htmlHash: sha256Hex(html), htmlGzipBytes: gzipSync(html).length };
  });
}

/** Writes the pages; throws when one is no longer the HTML its policy was computed from. Returns how many. */
export function writePolicedPages(pages: readonly PolicedPage[]): number {
  for (const page of pages) {
    if (sha256Hex(readFileSync(page.file, 'utf8')) !== page.generatedHash) throw new Error(`${page.file} changed after its Content-Security-Policy was computed`);
  }
  for (const page of pages) writeFileSync(page.file, page.html);
  return pages.length;
}

/**
 * The worker: this module loaded through tsx's API (the worker thread has no
 * TypeScript of its own) as soon as it starts, then `policedPages(dir)`
 * posted back for the one `dir` it is sent.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = require(workerData.tsxApi).tsImport(workerData.module, workerData.module);
parentPort.once('message', (dir) => loaded.then((module) => parentPort.postMessage(module.policedPages(dir))));
`;

/** A worker that computes the pages' policies (`policedPages`) of the one folder it is asked for. */
export interface PolicyWorker {
  /** `policedPages(dir)`, computed in the worker. */
  policedPages(dir: string): Promise<PolicedPage[]>;
}

/**
 * Starts the worker now, to be asked later: it loads its modules (about half
 * a second of CPU) while the site is built, not when the pages are there.
 * Until asked it keeps no process alive.
 */
export function startPolicyWorker(): PolicyWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // (Vite's module runner, which loads the integrations, has no import.meta.resolve.)
    workerData: { module: import.meta.url, tsxApi: createRequire(import.meta.url).resolve('tsx/esm/api') },
  });
  worker.unref();
  const result = new Promise<PolicedPage[]>((resolve, reject) => {
    worker.once('message', (pages: PolicedPage[]) => {
      resolve(pages);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Content-Security-Policy worker stopped (exit ${code}) before it was done`)));
  });
  // A failure is reported to whoever asks; unasked, it is nobody's.
  result.catch(() => {});
  return {
    policedPages(dir) {
      worker.ref();
      worker.postMessage(dir);
      return result;
    },
  };
}
