/**
 * What the build makes from the model, the reviewed tables and the checkout
 * alone, never from a rendered page: the EPUB and the plain text
 * (/downloads/), the term index (/terms/, each 篇 and 章 page's footer,
 * /data/terms.json) and the build information (/about/, the EPUB's edition).
 *
 * Each is made here and only here (MODEL_PRODUCTS), from sources given as
 * data. `astro build` makes them all on the second core, in a worker thread
 * started with the build (src/site/integrations/model-worker-fs.ts), while
 * the main thread builds the site (issue 13: the build within 15 s on two
 * cores; the EPUB, the term index and git's three runs took about half a
 * second of the routes phase); the pages and endpoints that own their URLs
 * take the worker's results (`modelProduct`), and make them in their own
 * thread from their own sources when no worker was started (`astro dev`).
 * Either way the same functions run on the same inputs, so the bytes are
 * the same.
 */
import type { Plan } from '../convert/model';
import type { BuildInfo } from './about/build-info-fs';
import type { Edition } from '../downloads/edition';
import { planEpub } from '../downloads/epub';
import { planPlainText, type CuratedTables } from '../downloads/plain-text';
import { quotedTermIndex } from './terms/quoted-terms';
import { SITE_TITLE } from './plan/plan-nav';

/** What the products are made from. */
export interface ModelSources {
  plan: Plan;
  tables: CuratedTables;
  /** The build information (read from the checkout on first use). */
  buildInfo: () => BuildInfo;
  /** The edition the downloads are (from the build information). */
  edition: () => Edition;
}

/** Each product, made from the sources. */
export const MODEL_PRODUCTS = {
  buildInfo: (sources: ModelSources): BuildInfo => sources.buildInfo(),
  epub: (sources: ModelSources): Uint8Array => planEpub(sources.plan, sources.tables, sources.edition()),
  text: (sources: ModelSources): Uint8Array => new TextEncoder().encode(planPlainText(sources.plan, sources.tables)),
  // The site title precedes every page's text, so text fragments are chosen not to match it.
  termIndex: (sources: ModelSources) => quotedTermIndex(sources.plan, { navigation: [SITE_TITLE] }),
};

/** A product's name. */
export type ModelProductName = keyof typeof MODEL_PRODUCTS;

/** Every product. */
export type ModelProducts = { [K in ModelProductName]: ReturnType<(typeof MODEL_PRODUCTS)[K]> };

/** Every product made from `sources`. */
export function makeModelProducts(sources: ModelSources): ModelProducts {
  return {
    buildInfo: MODEL_PRODUCTS.buildInfo(sources),
    epub: MODEL_PRODUCTS.epub(sources),
    text: MODEL_PRODUCTS.text(sources),
    termIndex: MODEL_PRODUCTS.termIndex(sources),
  };
}

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

/** The product `name`: the build worker's when one was offered, else made here from `sources()`. */
export async function modelProduct<K extends ModelProductName>(name: K, sources: () => ModelSources): Promise<ModelProducts[K]> {
  const offered = (globalThis as WithOffered)[OFFERED];
  if (offered) return (await offered)[name];
  return MODEL_PRODUCTS[name](sources()) as ModelProducts[K];
}
