/**
 * The document model for pages and components, validated once per build.
 * Imported through Vite so that `astro dev` reloads when the converter rewrites it.
 */
import raw from '../../content/generated/plan.json';
import { planSchema, type Plan } from '../../convert/model';

/** The plan (validated against `planSchema`). */
export const plan: Plan = planSchema.parse(raw);
