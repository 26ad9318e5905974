/**
 * The products of the model (model-products.ts) made from the files on disk:
 * what the build's model worker does (src/site/integrations/model-worker-fs.ts).
 * The converter has written plan.json before Astro starts; the pages' copies
 * of the model and the tables come through Vite from the same files.
 */
import type { MessagePort } from 'node:worker_threads';
import { readPlan } from './plan/read-plan-fs';
import { readIndicatorsTable, readPackagesTable } from '../reviewed/read-curated-fs';
import { checkoutEdition } from '../downloads/edition-fs';
import { makeModelProducts, type ModelProducts } from './model-products';

/** Every product, made from the files on disk of the project in the working directory. */
export function modelProductsFromDisk(): ModelProducts {
  return makeModelProducts({
    plan: readPlan(),
    tables: { indicators: readIndicatorsTable(), packages: readPackagesTable() },
    ...checkoutEdition(),
  });
}

/** Posts every product to `port`, the bytes moved rather than copied. */
export function postModelProducts(port: MessagePort | null): void {
  const products = modelProductsFromDisk();
  port?.postMessage(products, [products.epub.buffer as ArrayBuffer, products.text.buffer as ArrayBuffer]);
}
