/**
 * The downloadable editions of the plan, built once per build from the model
 * and the curated tables: what /downloads/ lists and what its endpoints
 * serve. Each file's bytes are made once (in the build, by the model worker:
 * src/site/model-products.ts) and kept, so the page that states its size and
 * the endpoint that writes it share the same bytes.
 */
import { LAST_PAGE, plan } from '../site/plan/plan';
import { EPUB_PATH, TEXT_PATH } from '../site/site-paths';
import { siteProduct } from '../site/site-products';

/** One downloadable file. */
export interface DownloadFile {
  /** Site path (without base). */
  path: string;
  /** What it is, for the list. */
  title: string;
  /** Format, in words. */
  format: string;
  /** For readers: what it holds and what to open it with. */
  description: string;
  /** Its Content-Type. */
  contentType: string;
  /** Its bytes. */
  bytes: () => Promise<Uint8Array>;
}

function once(build: () => Promise<Uint8Array>): () => Promise<Uint8Array> {
  let bytes: Promise<Uint8Array> | undefined;
  return () => (bytes ??= build());
}

/** The EPUB. */
export const EPUB_FILE: DownloadFile = {
  path: EPUB_PATH,
  title: '电子书（EPUB 3）',
  format: 'EPUB 3',
  description:
    `整部规划：序言、${plan.parts.length}篇${plan.parts.reduce((n, p) => n + p.chapters.length, 0)}章及各节、` +
    `专栏、主要指标表和附表（真表格）。可在手机、平板和电子阅读器的阅读软件中打开，字号可调；目录可跳到每篇、每章、每节，` +
    `“页码”导航可跳到印刷版${LAST_PAGE}页中的任一页，与本站和纸质版的页码一致。附无障碍说明。`,
  contentType: 'application/epub+zip',
  bytes: once(() => siteProduct('epub')),
};

/** The plain text. */
export const TEXT_FILE: DownloadFile = {
  path: TEXT_PATH,
  title: '纯文本（TXT）',
  format: 'UTF-8 纯文本',
  description:
    '校正后的规划全文，不含页码：标题、各级标题、每段、每个专栏条目各占一行；两张表格每行一行，单元格之间用制表符分隔。适合检索、比对和文本分析；任何文本编辑器都能打开。',
  contentType: 'text/plain; charset=utf-8',
  bytes: once(() => siteProduct('text')),
};

/** Every downloadable file, in the order /downloads/ lists them. */
export const DOWNLOAD_FILES: readonly DownloadFile[] = [EPUB_FILE, TEXT_FILE];

/** The response an endpoint serves for `file`. */
export async function downloadResponse(file: DownloadFile): Promise<Response> {
  return new Response(new Uint8Array(await file.bytes()), { headers: { 'Content-Type': file.contentType } });
}
