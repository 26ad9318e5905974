/**
 * /data/indicators.json: the main-indicators table, one object per row or
 * sub-row (`{category, no, group, name, unit, target, attribute}`).
 */
import type { APIRoute } from 'astro';
import { indicatorsTable } from '../../reviewed/curated-data';
import { indicatorRecords } from '../../site/data/curated-records';

/** The records as JSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(indicatorRecords(indicatorsTable), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
