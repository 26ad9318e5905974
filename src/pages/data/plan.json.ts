/**
 * /data/plan.json: the document model, as validated, for anyone to reuse.
 */
import type { APIRoute } from 'astro';
import { plan } from '../../site/plan/plan';

/** The model as JSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(plan), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
