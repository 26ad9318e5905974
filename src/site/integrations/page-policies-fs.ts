/**
 * Each built page with its Content-Security-Policy (content-security-policy.ts),
 * computed from the pages as generated and written by postBuild
 * (post-build-fs.ts).
 *
 * Computing them is most of the work (every page parsed), and only reads the
 * pages, as the search index that runs before postBuild does: so postBuild
 * computes them in a worker thread, started as soon as the pages are
 * generated, which runs on the second core while the search index is built
 * (issue 13: the build within 15 s on two cores). Writing checks that no page
 * changed in between.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { builtPages } from './built-pages-fs.ts';
import { withContentSecurityPolicy } from './content-security-policy.ts';

/** A page: its file, the hash of its HTML as generated, and its HTML with the policy. */
export interface PolicedPage {
  file: string;
  generatedHash: string;
  html: string;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every HTML file under `dir` with its policy added; throws as withContentSecurityPolicy does (an inline event handler, a second policy). */
export function policedPages(dir: string): PolicedPage[] {
  return builtPages(dir).map((file) => {
    const html = readFileSync(file, 'utf8');
    return { file, generatedHash: hashOf(html), html: withContentSecurityPolicy(html, path.relative(dir, file)) };
  });
}

/** Writes the pages; throws when one is no longer the HTML its policy was computed from. Returns how many. */
export function writePolicedPages(pages: readonly PolicedPage[]): number {
  for (const page of pages) {
    if (hashOf(readFileSync(page.file, 'utf8')) !== page.generatedHash) throw new Error(`${page.file} changed after its Content-Security-Policy was computed`);
  }
  for (const page of pages) writeFileSync(page.file, page.html);
  return pages.length;
}

/**
 * The worker: this module loaded through tsx's API (the worker thread has no
 * TypeScript of its own), `policedPages(dir)` posted back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsxApi)
  .tsImport(workerData.module, workerData.module)
  .then((module) => parentPort.postMessage(module.policedPages(workerData.dir)));
`;

/** `policedPages(dir)` computed in a worker thread. */
export function policedPagesInWorker(dir: string): Promise<PolicedPage[]> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // (Vite's module runner, which loads the integrations, has no import.meta.resolve.)
    workerData: { dir, module: import.meta.url, tsxApi: createRequire(import.meta.url).resolve('tsx/esm/api') },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (pages: PolicedPage[]) => {
      resolve(pages);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Content-Security-Policy worker stopped (exit ${code}) before it was done`)));
  });
}
