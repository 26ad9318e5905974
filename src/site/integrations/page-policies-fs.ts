/**
 * Each built page with its Content-Security-Policy (content-security-policy.ts),
 * computed from the pages as generated and written by postBuild
 * (post-build-fs.ts).
 *
 * Computing them is most of the work (every page parsed): so postBuild
 * computes them in a worker thread, started with the build (its modules load
 * while the site is built), which is given each page as Astro renders it
 * (src/search/page-feed.ts) and parses it then, on the second core while the
 * others are rendered. Asked as soon as the pages are generated, it reads
 * them as written and keeps each rendered page's policy where it holds
 * (`renderedPolicy`: merge-page-scripts changes only module script tags), so
 * little is left to do after the last page (issue 13: the build within 15 s
 * on two cores). Writing checks that no page changed in between.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MessagePort } from 'node:worker_threads';
import { builtPages } from './built-pages-fs.ts';
import { policyInsertion, withContentSecurityPolicy, withPolicy, type PolicyInsertion } from './content-security-policy.ts';
import { withoutModuleScripts } from './merge-page-scripts-fs.ts';
import { startModuleWorker } from './module-worker-fs.ts';

/**
 * A page: its file, the hash of its HTML as generated, and its HTML with the
 * policy, with that HTML's hash and gzip size — what the service worker's
 * lists need of every file (post-build-fs.ts), computed here, beside the
 * search index, instead of after it.
 */
export interface PolicedPage {
  file: string;
  generatedHash: string;
  html: string;
  /** SHA-256 (hex) of `html` as UTF-8. */
  htmlHash: string;
  /** Its size gzip-compressed (node:zlib's defaults). */
  htmlGzipBytes: number;
}

/**
 * SHA-256 (hex) of a content (a string as UTF-8): a page's hash here, and
 * the key by which post-build-fs.ts finds the gzip sizes measured here.
 */
export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A page as rendered (before merge-page-scripts) and where and what its policy is. */
export interface RenderedPolicy {
  html: string;
  insertion: PolicyInsertion;
}

/**
 * The policy of `written`, a page as generated, taken from the page as it
 * was rendered, `rendered`, when that holds: the two differ only in module
 * script tags (merge-page-scripts' one change), which hold no inline code,
 * so the policy is the same, and not before the place the policy goes, so
 * the place is too. Otherwise none: it is computed from the page.
 */
function renderedPolicy(written: string, rendered: RenderedPolicy | undefined): PolicyInsertion | undefined {
  if (!rendered) return undefined;
  const { html, insertion } = rendered;
  if (written !== html && (written.slice(0, insertion.at) !== html.slice(0, insertion.at) || withoutModuleScripts(written) !== withoutModuleScripts(html))) return undefined;
  return insertion;
}

/**
 * Every HTML file under `dir` with its policy added; throws as
 * withContentSecurityPolicy does (an inline event handler, a second policy).
 * `rendered` (by file, relative to `dir`) are the policies computed from the
 * pages as they were rendered, used where they hold (`renderedPolicy`).
 */
export function policedPages(dir: string, rendered: ReadonlyMap<string, RenderedPolicy> = new Map()): PolicedPage[] {
  return builtPages(dir).map((file) => {
    const generated = readFileSync(file, 'utf8');
    const relative = path.relative(dir, file).split(path.sep).join('/');
    const insertion = renderedPolicy(generated, rendered.get(relative));
    const html = insertion ? withPolicy(generated, insertion) : withContentSecurityPolicy(generated, relative);
    return { file, generatedHash: sha256Hex(generated), html, htmlHash: sha256Hex(html), htmlGzipBytes: gzipSync(html).length };
  });
}

/** Writes the pages; throws when one is no longer the HTML its policy was computed from. Returns how many. */
export function writePolicedPages(pages: readonly PolicedPage[]): number {
  for (const page of pages) {
    if (sha256Hex(readFileSync(page.file, 'utf8')) !== page.generatedHash) throw new Error(`${page.file} changed after its Content-Security-Policy was computed`);
  }
  for (const page of pages) writeFileSync(page.file, page.html);
  return pages.length;
}

/**
 * The policy of a page as rendered, or none when computing it throws: it is
 * then computed again from the page as written, where it throws naming the file.
 */
export function renderedPagePolicy(html: string): RenderedPolicy | undefined {
  try {
    return { html, insertion: policyInsertion(html) };
  } catch {
    return undefined;
  }
}

/** A worker that computes the pages' policies (`policedPages`) of the one folder it is asked for. */
export interface PolicyWorker {
  /** Gives the worker a page as rendered (`file` relative to the output folder), to compute its policy meanwhile. */
  rendered(file: string, html: string): void;
  /** `policedPages(dir)`, computed in the worker. */
  policedPages(dir: string): Promise<PolicedPage[]>;
}

/** A page as rendered, posted to the worker; or the folder the pages are written in, which asks for them all. */
type PolicyRequest = { file: string; html: string } | string;

/**
 * In the worker (module-worker-fs.ts): each page posted as rendered has its
 * policy computed at once; the one folder then sent gets
 * `policedPages(dir, those)` posted back.
 */
export function servePolicies(port: MessagePort): void {
  const rendered = new Map<string, RenderedPolicy>();
  port.on('message', (request: PolicyRequest) => {
    if (typeof request === 'string') {
      port.postMessage(policedPages(request, rendered));
      return;
    }
    const policy = renderedPagePolicy(request.html);
    if (policy) rendered.set(request.file, policy);
  });
}

/**
 * Starts the worker now, to be asked later: it loads its modules (about half
 * a second of CPU) while the site is built, and computes the policies of the
 * pages given as rendered while the others are, not when all are there.
 * Until asked it keeps no process alive.
 */
export function startPolicyWorker(): PolicyWorker {
  const worker = startModuleWorker<PolicedPage[]>(import.meta.url, 'servePolicies', 'the Content-Security-Policy worker');
  return {
    rendered(file, html) {
      worker.post({ file, html } satisfies PolicyRequest);
    },
    policedPages(dir) {
      return worker.ask(dir satisfies PolicyRequest);
    },
  };
}
