/** /downloads/beijing-14th-five-year-plan.txt: the whole plan as plain text (src/downloads/plain-text.ts). */
import type { APIRoute } from 'astro';
import { TEXT_FILE, downloadResponse } from '../../downloads/download-files';

export const GET: APIRoute = () => downloadResponse(TEXT_FILE);
