/**
 * The products of the model (model-products.ts) for the site's pages and
 * endpoints: the build worker's (offered-products.ts), or made in this
 * thread from the model and tables as Vite imports them (astro dev reloads
 * them when they change).
 */
import { plan } from './plan/plan';
import { indicatorsTable, packagesTable } from '../reviewed/curated-data';
import { checkoutEdition } from '../downloads/edition-fs';
import { MODEL_PRODUCTS, type ModelProductName, type ModelProducts, type ModelSources } from './model-products';
import { modelProduct } from './offered-products';

const sources = (): ModelSources => ({ plan, tables: { indicators: indicatorsTable, packages: packagesTable }, ...checkoutEdition() });

/** The product `name` (not kept: a caller keeps what it needs for the build). */
export function siteProduct<K extends ModelProductName>(name: K): Promise<ModelProducts[K]> {
  return modelProduct(name, () => MODEL_PRODUCTS[name](sources()) as ModelProducts[K]);
}
