/** /downloads/beijing-14th-five-year-plan.epub: the whole plan as an EPUB 3 book (src/downloads/epub.ts). */
import type { APIRoute } from 'astro';
import { EPUB_FILE, downloadResponse } from '../../downloads/download-files';

export const GET: APIRoute = () => downloadResponse(EPUB_FILE);
