/**
 * Starlight route middleware: only pages that show the plan's text are
 * indexed for search. A page whose site path has no search type (see
 * search-types.ts) — /search/, /full/, the term index, the data page — gets
 * `pagefind: false`, so Starlight leaves `data-pagefind-body` off its <main>
 * and Pagefind skips it.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { plan } from '../site/plan/plan';
import { searchTypesForPath } from './search-types';
import { sitePathOf } from '../site/site-paths';

export const onRequest = defineRouteMiddleware((context) => {
  const { entry } = context.locals.starlightRoute;
  // The page's search types alone (its filters' `type`, filters.ts), without the 篇 filter's walk of the plan.
  if (searchTypesForPath(plan, sitePathOf(context.url.pathname, import.meta.env.BASE_URL)).length === 0) entry.data.pagefind = false;
});
