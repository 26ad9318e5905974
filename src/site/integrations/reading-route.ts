/**
 * Starlight route middleware for the way through the edition: 上一页 and
 * 下一页 follow the reading order of plan-nav.ts (序言, 篇 and 章, 主要指标,
 * 专栏, 附表 and its packages) on every page of it, whatever the sidebar
 * holds after it; a page outside that order (/full/, /terms/, /data/,
 * /search/, 404) has none. A page that shows the plan's text and has no
 * description of its own gets its first sentence (page-descriptions.ts).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { plan } from '../plan/plan';
import { packagesTable } from '../../reviewed/curated-data';
import { readingNeighbours, readingOrder, type PlanPageRef, type ReadingStop } from '../plan/plan-nav';
import { pageDescription } from '../plan/page-descriptions';
import { sitePathOf, withBase } from '../site-paths';

const order = readingOrder(plan, packagesTable.packages);

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const base = import.meta.env.BASE_URL;
  const { prev, next } = readingNeighbours(order, sitePathOf(context.url.pathname, base));
  const link = (stop: ReadingStop | null) =>
    stop === null
      ? undefined
      : { type: 'link' as const, label: stop.label, href: withBase(stop.path, base), isCurrent: false, badge: undefined, attrs: {} };
  route.pagination = { prev: link(prev), next: link(next) };

  const ref = (route.entry.data as { plan?: PlanPageRef }).plan;
  const description = route.entry.data.description === undefined && ref ? pageDescription(plan, ref) : null;
  if (description !== null) {
    route.entry.data.description = description;
    for (const tag of route.head) {
      if (tag.tag !== 'meta' || !tag.attrs) continue;
      if (tag.attrs.name === 'description' || tag.attrs.property === 'og:description') tag.attrs.content = description;
    }
  }
});
