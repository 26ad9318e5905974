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
 * take the worker's results (offered-products.ts), and make them in their
 * own thread from their own sources when no worker was started (`astro dev`:
 * site-products.ts).
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
