/**
 * Starlight route middleware: each page's sidebar lists every 篇 and, open,
 * only the group that holds the page (the current 篇's chapters, or the 附表's
 * packages); every other group becomes one link to its first page (the 篇
 * page, /packages/). The whole tree of plan-nav.ts (planSidebar) on every page
 * weighed about 4 KB gzip of each page's HTML; this keeps a link to every 篇
 * and the page's own place marked (aria-current), one click from any chapter.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

const holdsCurrent = (entry: SidebarEntry): boolean =>
  entry.type === 'link' ? entry.isCurrent : entry.entries.some(holdsCurrent);

/** The sidebar with every group but the one holding the current page folded into a link to the group's first page. */
export function pruneSidebar(entries: readonly SidebarEntry[]): SidebarEntry[] {
  return entries.map((entry) => {
    if (entry.type === 'link') return entry;
    if (holdsCurrent(entry)) return { ...entry, collapsed: false };
    const first = entry.entries[0];
    if (first?.type !== 'link') return entry;
    return { type: 'link', label: entry.label, href: first.href, isCurrent: false, badge: entry.badge, attrs: {} };
  });
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.sidebar = pruneSidebar(route.sidebar);
});
