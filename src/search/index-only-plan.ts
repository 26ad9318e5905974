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
  // Whether the page is indexed at all: its search types (its filters' `type`, filters.ts), not its filters.
  if (searchTypesForPath(plan, sitePathOf(context.url.pathname, import.meta.env.BASE_URL)).length === 0) entry.data.pagefind = false;
});
