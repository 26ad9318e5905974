/**
 * A worker thread that runs one of our modules for a build step and answers
 * it once: the pages' policies (page-policies-fs.ts) and the search index
 * (src/search/index-worker-fs.ts). Started with the build, so its modules
 * load while the site is built, on the second core (issue 13: the build
 * within 15 s on two cores); given messages as the build goes (`post`);
 * asked for its one answer at the end (`ask`).
 *
 * The thread loads the module through tsx's API (it has no TypeScript of
 * its own) and calls the function it exports under the name given, with the
 * port to this thread. Messages posted meanwhile wait on the port until that
 * function listens.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsxApi).tsImport(workerData.module, workerData.module).then((module) => module[workerData.serve](parentPort));
`;

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
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // (Vite's module runner, which loads the integrations, has no import.meta.resolve.)
    workerData: { module: moduleUrl, serve, tsxApi: createRequire(import.meta.url).resolve('tsx/esm/api') },
  });
  const answered = new Promise<Answer>((resolve, reject) => {
    worker.once('message', (answer: Answer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit ${code}) before it was done`)));
  });
  // After the listeners: a 'message' listener refs the worker's port again,
  // and a build that failed before asking would then never end.
  worker.unref();
  // A failure is reported to whoever asks; unasked, it is nobody's.
  answered.catch(() => {});
  return {
    post(message) {
      worker.postMessage(message);
    },
    ask(message) {
      worker.ref();
      worker.postMessage(message);
      return answered;
    },
  };
}
