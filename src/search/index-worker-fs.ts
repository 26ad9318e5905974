/**
 * The search index's Pagefind client, in a worker thread. The thread that
 * renders the pages only posts each one here (index-feed.ts's order); each
 * page's view (indexer-view.ts: a few milliseconds a page, most of what
 * indexing costs outside Pagefind) is made here, on the second core, while
 * Astro renders the next ones (issue 13: the build within 15 s). Pagefind
 * itself works in a process of its own, given the pages one after the other
 * in the order posted (it numbers them as they arrive).
 */
import type { MessagePort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { IndexFile, PagefindIndex } from 'pagefind';
import { indexerView } from './indexer-view';
import type { FedPage } from './index-feed';
import { startModuleWorker } from '../site/integrations/module-worker-fs';

/**
 * The language the index is built in. Not zh-cn: Pagefind would segment the
 * text again with its dictionary; the units are cut already. `und` has no
 * stemmer and no segmenter, and the browser falls back to it.
 */
export const INDEX_LANGUAGE = 'und';

/** What Pagefind made of the pages: its files, and each page's title by its URL, as it read them. */
export interface IndexMade {
  files: IndexFile[];
  titleOf: Map<string, string>;
}

type Request = { page: FedPage } | { files: true };
type Answer = { made: IndexMade } | { error: string };

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/**
 * In the worker: indexes the pages posted on `port`, one after the other,
 * and answers the request for the files with them, or with the first error
 * (the pages after a failed one are not sent).
 */
export function serveIndex(port: MessagePort): void {
  const titleOf = new Map<string, string>();
  const created = pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }).then((response) => {
    const { index } = check('createIndex', response);
    if (!index) throw new Error('Pagefind returned no index');
    return index;
  });
  created.catch(() => undefined); // answered with the files
  let done: Promise<PagefindIndex> = created;
  port.on('message', (request: Request) => {
    if ('page' in request) {
      const { sourcePath, html } = request.page;
      done = done.then(async (index) => {
        const { file } = check(`indexing ${sourcePath}`, await index.addHTMLFile({ sourcePath, content: indexerView(html) }));
        if (file.meta.title !== undefined) titleOf.set(file.url, file.meta.title);
        return index;
      });
      done.catch(() => undefined); // answered with the files
      return;
    }
    done
      .then(async (index) => ({ made: { files: check('getFiles', await index.getFiles()).files, titleOf } }) satisfies Answer)
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }) satisfies Answer)
      .then(async (answer) => {
        await pagefind.close();
        port.postMessage(answer);
      });
  });
}

/** The search index being built in a worker. */
export interface IndexWorker {
  /** Sends a page to Pagefind, after the pages added before. */
  add(page: FedPage): void;
  /** What Pagefind made of the pages added, once it has them all; rejects on the first failure. */
  made(): Promise<IndexMade>;
}

/** Starts the worker (module-worker-fs.ts), which starts Pagefind; it keeps no process alive until asked for the files. */
export function startIndexWorker(): IndexWorker {
  const worker = startModuleWorker<Answer>(import.meta.url, 'serveIndex', 'the search index worker');
  return {
    add(page) {
      worker.post({ page } satisfies Request);
    },
    made() {
      const made = worker.ask({ files: true } satisfies Request).then((answer) => {
        if ('error' in answer) throw new Error(answer.error);
        return answer.made;
      });
      // A failure is reported to whoever awaits it; until then, it is nobody's.
      made.catch(() => undefined);
      return made;
    },
  };
}
