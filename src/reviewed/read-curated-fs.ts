/**
 * Reads the curated 附表 table from disk, for code outside Vite's module graph
 * (astro.config.mjs builds the sidebar and the reading order before Vite runs).
 * Pages and components import it through curated-data.ts instead.
 */
import { readFileSync } from 'node:fs';
import { packagesTableSchema, type PackagesTable } from './packages-table';

const PACKAGES_URL = new URL('../../content/data/packages.json', import.meta.url);

/** The validated 附表 table (content/data/packages.json). */
export function readPackagesTable(file: URL | string = PACKAGES_URL): PackagesTable {
  return packagesTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
