/**
 * /data/terms.json: the term index — every quoted term with its id, pinyin
 * initial, count and the URL of each occurrence (`termRecordSchema`).
 */
import type { APIRoute } from 'astro';
import { termIndex } from '../../site/terms/site-term-index';
import { termRecords } from '../../site/data/data-files';

/** The terms as JSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(termRecords(termIndex.terms, import.meta.env.BASE_URL), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
