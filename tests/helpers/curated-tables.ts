/** The curated tables under content/data/, validated: what tests compare pages and downloads with. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { indicatorsTableSchema } from '../../src/reviewed/indicators-table';
import { packagesTableSchema } from '../../src/reviewed/packages-table';

const dataDir = path.join(import.meta.dirname, '../../content/data');
const curated = (file: string): unknown => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'));

/** content/data/indicators.json */
export const indicators = indicatorsTableSchema.parse(curated('indicators.json'));
/** content/data/packages.json */
export const packages = packagesTableSchema.parse(curated('packages.json'));
