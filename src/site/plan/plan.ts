/**
 * The document model for pages and components, validated once per build.
 * Imported through Vite so that `astro dev` reloads when the converter rewrites it.
 */
import raw from '../../content/generated/plan.json';
import { parsePlan, type Plan } from '../../convert/model';
import { lastPage } from '../../convert/printed-pages';

/** The plan (validated by `parsePlan`). */
export const plan: Plan = parsePlan(raw);

/** The plan's last printed page (its last footer; see printed-pages.ts). */
export const LAST_PAGE = lastPage(plan);
