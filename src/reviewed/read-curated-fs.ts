/**
 * Reads the curated tables from disk, for code outside Vite's module graph
 * (astro.config.mjs builds the sidebar and the reading order before Vite
 * runs; the build's model worker, src/site/integrations/model-worker-fs.ts,
 * makes the downloads on a thread of its own). Pages and components import
 * them through curated-data.ts instead, which also proves them faithful.
 */
import { readFileSync } from 'node:fs';
import { indicatorsTableSchema, type IndicatorsTable } from './indicators-table';
import { packagesTableSchema, type PackagesTable } from './packages-table';

const INDICATORS_URL = new URL('../../content/data/indicators.json', import.meta.url);
const PACKAGES_URL = new URL('../../content/data/packages.json', import.meta.url);

/** The validated main-indicators table (content/data/indicators.json). */
export function readIndicatorsTable(file: URL | string = INDICATORS_URL): IndicatorsTable {
  return indicatorsTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The validated 附表 table (content/data/packages.json). */
export function readPackagesTable(file: URL | string = PACKAGES_URL): PackagesTable {
  return packagesTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
