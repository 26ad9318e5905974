/**
 * The model's steps (plan-walk.ts) grouped by the page that shows them, walked
 * once per model: the search filters (src/search/filters.ts, search-types.ts)
 * are asked for one page at a time, for every page the site builds (the route
 * middleware, each 篇 and 章 page's content) and for every page indexed (the
 * page list), and one walk of the whole plan for each was a quarter of a
 * second of the build (issue 13: the build within 15 s); a 章 page's citation
 * spots (src/site/cite/citation.ts) are its sections and boxes. The model is never
 * changed once read, so a walk is kept for as long as its model lives.
 *
 * Pure: the model in, its steps out (the same for the same model).
 */
import type { Plan } from '../../convert/model';
import { walkPlan, type PlanStep } from '../../convert/plan-walk';
import { stepPagePath } from '../site-paths';

interface Walked {
  steps: readonly PlanStep[];
  byPage: ReadonlyMap<string, readonly PlanStep[]>;
}

const walks = new WeakMap<Plan, Walked>();

function walked(plan: Plan): Walked {
  let walk = walks.get(plan);
  if (!walk) {
    const steps = [...walkPlan(plan)];
    const byPage = new Map<string, PlanStep[]>();
    for (const step of steps) {
      const path = stepPagePath(step);
      const onPage = byPage.get(path);
      if (onPage) onPage.push(step);
      else byPage.set(path, [step]);
    }
    walk = { steps, byPage };
    walks.set(plan, walk);
  }
  return walk;
}

/** Every step of the plan, in reading order (walkPlan's). */
export function planSteps(plan: Plan): readonly PlanStep[] {
  return walked(plan).steps;
}

/** The steps the page at site path `path` shows, in reading order (none for a page that shows no part of the model). */
export function pageSteps(plan: Plan, path: string): readonly PlanStep[] {
  return walked(plan).byPage.get(path) ?? [];
}
