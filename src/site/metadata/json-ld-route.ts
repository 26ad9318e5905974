/**
 * Starlight route middleware: each 篇 and 章 page gets its schema.org
 * description (plan-json-ld.ts) as a JSON-LD data block in its head. A data
 * block is not run, so the page's CSP needs no hash for it.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { plan } from '../plan/plan';
import { planPageSpans } from '../plan/page-spans';
import type { PlanPageRef } from '../plan/plan-nav';
import { jsonLdScriptText, planPageJsonLd } from './plan-json-ld';

const spans = planPageSpans(plan);

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const ref = (route.entry.data as { plan?: PlanPageRef }).plan;
  if (ref?.kind !== 'part' && ref?.kind !== 'chapter') return;
  const data = planPageJsonLd(plan, spans, ref, { base: import.meta.env.BASE_URL, site: process.env.SITE_URL || null });
  route.head.push({ tag: 'script', attrs: { type: 'application/ld+json' }, content: jsonLdScriptText(data) });
});
