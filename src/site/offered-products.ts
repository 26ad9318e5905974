/**
 * How the build's model worker (src/site/integrations/model-worker-fs.ts)
 * hands the products of the model (model-products.ts) to the pages and
 * endpoints that serve them. Apart from the recipes, so that the config,
 * which holds the worker's integration, loads none of their modules (the
 * EPUB's zip, pinyin-pro).
 */
import type { ModelProductName, ModelProducts } from './model-products';

/**
 * Where the worker's products wait for the pages: the build's integrations
 * and the pages it renders run in one thread, but the pages are bundled
 * apart from the integrations, so they share no module; they share the
 * global object.
 */
const OFFERED = Symbol.for('gangyao:model-products');

type WithOffered = typeof globalThis & { [OFFERED]?: Promise<ModelProducts> };

/** Offers the products of a build's worker to its pages (undefined: none, after the build). */
export function offerModelProducts(products: Promise<ModelProducts> | undefined): void {
  (globalThis as WithOffered)[OFFERED] = products;
}

/** The product `name`: the build worker's when one was offered, else `make()`. */
export async function modelProduct<K extends ModelProductName>(name: K, make: () => ModelProducts[K]): Promise<ModelProducts[K]> {
  const offered = (globalThis as WithOffered)[OFFERED];
  return offered ? (await offered)[name] : make();
}
