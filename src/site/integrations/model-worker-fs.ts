/**
 * The model worker: an Astro integration that, when a build starts, makes
 * the products of the model (src/site/model-products.ts: the EPUB, the plain
 * text, the term index, the build information) in a worker thread and
 * offers them to the pages and endpoints that serve them. The build's main
 * thread is busy from start to end, the machine's second core mostly idle
 * (issue 13: the build within 15 s on two cores); the worker's products are
 * ready long before the pages are generated, so the routes phase no longer
 * makes them (nor blocks on git three times, twice over).
 *
 * The worker reads the model and the tables from disk (the converter has
 * written plan.json before Astro starts); the pages' copies come through
 * Vite from the same files.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { readPlan } from '../plan/read-plan-fs';
import { readIndicatorsTable, readPackagesTable } from '../../reviewed/read-curated-fs';
import { checkoutEdition } from '../../downloads/edition-fs';
import { makeModelProducts, offerModelProducts, type ModelProducts } from '../model-products';

/** Every product, made from the files on disk of the project in the working directory. */
export function modelProductsFromDisk(): ModelProducts {
  return makeModelProducts({
    plan: readPlan(),
    tables: { indicators: readIndicatorsTable(), packages: readPackagesTable() },
    ...checkoutEdition(),
  });
}

/**
 * The worker: this module loaded through tsx's API (the worker thread has
 * no TypeScript of its own), then `modelProductsFromDisk()` posted back,
 * the bytes moved rather than copied.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsxApi).tsImport(workerData.module, workerData.module).then((module) => {
  const products = module.modelProductsFromDisk();
  parentPort.postMessage(products, [products.epub.buffer, products.text.buffer]);
});
`;

/** Starts the worker; its products, or its failure. */
function startModelWorker(): Promise<ModelProducts> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // (Vite's module runner, which loads the integrations, has no import.meta.resolve.)
    workerData: { module: import.meta.url, tsxApi: createRequire(import.meta.url).resolve('tsx/esm/api') },
  });
  const products = new Promise<ModelProducts>((resolve, reject) => {
    worker.once('message', (made: ModelProducts) => {
      resolve(made);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the model worker stopped (exit ${code}) before it was done`)));
  });
  // A failure is reported to the page that asks; unasked, it is nobody's.
  products.catch(() => {});
  return products;
}

/** The integration (its place among the integrations does not matter). */
export default function modelWorker(): AstroIntegration {
  return {
    name: 'gangyao:model-worker',
    hooks: {
      'astro:build:start': () => offerModelProducts(startModelWorker()),
      'astro:build:done': () => offerModelProducts(undefined),
    },
  };
}
