/**
 * The reviewed data for pages and components, validated once per build: the
 * curated tables under content/data/ (the indicators table, the 附表
 * packages), the reviewed links of the package items, and the corrections and
 * structure decisions that /about/ lists. Imported through Vite, like the model (site/plan/plan.ts).
 * The tables' faithfulness proofs run here first, so a curated edit that
 * breaks them fails the build with the row and the reason.
 */
import source from '../../content/source/beijing-14th-five-year-plan.txt?raw';
import indicatorsJson from '../../content/data/indicators.json';
import packagesJson from '../../content/data/packages.json';
import packageLinksJson from '../../content/data/package-links.json';
import correctionsJson from '../../content/corrections.json';
import decisionsJson from '../../content/structure-decisions.json';
import { correctionsSchema, type Correction } from './corrections';
import { structureDecisionsSchema, type StructureDecisions } from './structure-decisions';
import { indicatorsTableSchema, type IndicatorsTable } from './indicators-table';
import { packagesTableSchema, type PackagesTable } from './packages-table';
import { linkPackageItems, packageLinksDataSchema, type LinkedPackage } from './package-links';
import { plan } from '../site/plan/plan';
import { assertCuratedTablesFaithful } from './table-proofs';

assertCuratedTablesFaithful(source, indicatorsJson, packagesJson);

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

/** The reviewed repairs of the raw text (content/corrections.json). */
export const corrections: Correction[] = correctionsSchema.parse(correctionsJson);

/** The reviewed structure decisions (content/structure-decisions.json). */
export const structureDecisions: StructureDecisions = structureDecisionsSchema.parse(decisionsJson);
