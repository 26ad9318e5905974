/**
 * /data/indicators.csv: the same records as /data/indicators.json, as CSV
 * with a byte-order mark so that spreadsheet programs open it as UTF-8.
 */
import type { APIRoute } from 'astro';
import { indicatorsTable } from '../../reviewed/curated-data';
import { indicatorRecords, indicatorsCsv } from '../../site/data/curated-records';

/** The records as CSV. */
export const GET: APIRoute = () =>
  new Response(indicatorsCsv(indicatorRecords(indicatorsTable)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
