/**
 * Reads and validates the converter's `plan.json` from disk. Used where the
 * model is needed outside Vite's module graph (astro.config.mjs, tests).
 */
import { readFileSync } from 'node:fs';
import { planSchema, type Plan } from '../../convert/model';

/** Where `npm run build` has the converter write the model. */
export const GENERATED_PLAN_URL = new URL('../../content/generated/plan.json', import.meta.url);

/** The validated model read from `file` (default: the generated plan.json). */
export function readPlan(file: URL | string = GENERATED_PLAN_URL): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(
      `cannot read ${String(file)}: run the converter first (npm run build, or npm run convert -- --input … --out src/content/generated)`,
      { cause },
    );
  }
  return planSchema.parse(JSON.parse(text));
}
