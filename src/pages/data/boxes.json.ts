/**
 * /data/boxes.json: the 专栏 boxes, each with its 篇, 章 and section, its URL,
 * its text (introduction and items) and the printed pages it spans
 * (`boxRecordSchema`).
 */
import type { APIRoute } from 'astro';
import { plan } from '../../site/plan/plan';
import { planPageSpans } from '../../site/plan/page-spans';
import { boxRecords } from '../../site/data/data-files';

/** The boxes as JSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(boxRecords(plan, planPageSpans(plan), import.meta.env.BASE_URL), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
