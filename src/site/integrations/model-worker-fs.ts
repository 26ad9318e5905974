/**
 * The model worker: an Astro integration that, when `astro build` sets up,
 * makes the products of the model (src/site/model-products.ts: the EPUB, the
 * plain text, the term index, the build information) in a worker thread and
 * offers them to the pages and endpoints that serve them. The build's main
 * thread is busy from start to end, the machine's second core mostly idle
 * (issue 13: the build within 15 s on two cores): started while Astro sets
 * up, the worker is done before the site's modules are built, so the routes
 * phase no longer makes the products (nor waits for git three times, twice
 * over). `astro dev` starts none: its pages make the products themselves.
 *
 * The worker runs src/site/model-products-fs.ts bundled into plain
 * JavaScript (scripts/node-bundles.mjs) when the build starts, so it is
 * always the checkout's code.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { bundleModelWorker } from '../../../scripts/node-bundles.mjs';
import type { ModelProducts } from '../model-products';
import { offerModelProducts } from '../offered-products';
import { firstAnswer } from './module-worker-fs.ts';

/** Bundles the worker's module of the project at `root`, starts it; its products, or its failure. */
async function startModelWorker(root: string): Promise<ModelProducts> {
  return firstAnswer<ModelProducts>(new Worker(await bundleModelWorker(root)), 'the model worker');
}

/** The integration (its place among the integrations does not matter). */
export default function modelWorker(): AstroIntegration {
  let products: Promise<ModelProducts> | null = null;
  return {
    name: 'gangyao:model-worker',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        products = startModelWorker(fileURLToPath(config.root));
        // Settled or thrown in build:setup below; never an unhandled rejection meanwhile.
        products.catch(() => {});
        offerModelProducts(products);
      },
      // Before the client build, when the worker is long done: its failure
      // fails the build here, with its error. A page whose await rejects
      // would not: Astro 5.18 then stops rendering without a word and the
      // build never ends.
      'astro:build:setup': async ({ target }) => {
        if (target === 'client' && products) await products;
      },
      'astro:build:done': () => {
        products = null;
        offerModelProducts(undefined);
      },
    },
  };
}
