/**
 * /data/terms.json: the term index — every quoted term with its id, pinyin
 * initial, count and the URL of each occurrence (`termRecordSchema`).
 */
import type { APIRoute } from 'astro';
import { siteTermIndex } from '../../site/terms/site-term-index';
import { termRecords } from '../../site/data/data-files';

/** The terms as JSON. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(termRecords((await siteTermIndex()).terms, import.meta.env.BASE_URL), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
