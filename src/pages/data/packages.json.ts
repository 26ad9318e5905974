/**
 * /data/packages.json: the 重大工程包 of the 附表 with their project items and,
 * for each item, the URLs of the places of the plan that discuss it.
 */
import type { APIRoute } from 'astro';
import { linkedPackages, packagesTable } from '../../reviewed/curated-data';
import { packageRecords } from '../../site/data/curated-records';

/** The packages as JSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(packageRecords(packagesTable, linkedPackages, import.meta.env.BASE_URL), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
