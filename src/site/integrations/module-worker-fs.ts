/**
 * A worker thread that runs one of our modules for a build step and answers
 * it once: the pages' policies (page-policies-fs.ts) and the search index
 * (src/search/index-worker-fs.ts). Started with the build, so its modules
 * load while the site is built, on the second core (issue 13: the build
 * within 15 s on two cores); given messages as the build goes (`post`);
 * asked for its one answer at the end (`ask`).
 *
 * The thread runs the module bundled into plain JavaScript by esbuild
 * (scripts/node-bundles.mjs), as the model worker does, so it is always the
 * checkout's code: loaded through tsx's hooks instead, each worker's modules
 * took about a second of CPU more, on the core the workers are there to
 * spare. Messages posted before the bundle is made, or before the module's
 * function listens, wait in order.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleModuleWorker } from '../../../scripts/node-bundles.mjs';

/** The project's root: this module is src/site/integrations/module-worker-fs.ts. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The first message `worker` posts, after which it is stopped; rejects if it
 * fails or stops first (`what` names it in the error).
 */
export function firstAnswer<Answer>(worker: Worker, what: string): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    worker.once('message', (answer: Answer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit ${code}) before it was done`)));
  });
}

/** A started worker. */
export interface ModuleWorker<Answer> {
  /** Sends `message` to the worker, after the ones sent before. */
  post(message: unknown): void;
  /** Sends `message` and waits for the worker's one answer; rejects if it fails or stops first. */
  ask(message: unknown): Promise<Answer>;
}

/**
 * Starts a worker running `serve(port)` of the module at `moduleUrl`
 * (`what` names it in errors). Until asked, it keeps no process alive: a
 * build that fails before asking still ends.
 */
export function startModuleWorker<Answer>(moduleUrl: string, serve: string, what: string): ModuleWorker<Answer> {
  let asked = false;
  const started = bundleModuleWorker(ROOT, fileURLToPath(moduleUrl), serve).then((bundle: string) => {
    const worker = new Worker(bundle);
    const answered = firstAnswer<Answer>(worker, what);
    // After the listeners: a 'message' listener refs the worker's port again,
    // and a build that failed before asking would then never end.
    if (!asked) worker.unref();
    // A failure is reported to whoever asks; unasked, it is nobody's.
    answered.catch(() => {});
    return { worker, answered };
  });
  started.catch(() => {});
  return {
    // Each message after the ones before: callbacks on one promise run in the order they were added.
    post(message) {
      void started.then(({ worker }) => worker.postMessage(message), () => {});
    },
    ask(message) {
      asked = true;
      return started.then(({ worker, answered }) => {
        worker.ref();
        worker.postMessage(message);
        return answered;
      });
    },
  };
}
