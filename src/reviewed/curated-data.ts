/**
 * The curated data under content/data/ for pages and components, validated
 * once per build: the indicators table, the 附表 packages and the reviewed
 * links of their items. Imported through Vite, like the model (plan.ts).
 */
import indicatorsJson from '../../content/data/indicators.json';
import packagesJson from '../../content/data/packages.json';
import packageLinksJson from '../../content/data/package-links.json';
import { indicatorsTableSchema, type IndicatorsTable } from './indicators-table';
import { packagesTableSchema, type PackagesTable } from './packages-table';
import { linkPackageItems, packageLinksDataSchema, type LinkedPackage } from './package-links';
import { plan } from '../site/plan/plan';

/** “十四五”时期经济社会发展主要指标, as curated (content/data/indicators.json). */
export const indicatorsTable: IndicatorsTable = indicatorsTableSchema.parse(indicatorsJson);

/** 附表“十四五”时期重大工程包, as curated (content/data/packages.json). */
export const packagesTable: PackagesTable = packagesTableSchema.parse(packagesJson);

/** Every package item with the places of the plan that discuss it. */
export const linkedPackages: LinkedPackage[] = linkPackageItems(
  plan,
  packagesTable,
  packageLinksDataSchema.parse(packageLinksJson),
);
