/**
 * Global setup of the `site` project (vitest.config.ts): starts the real build
 * (`npm run build`, into dist/) once for the whole run and returns at once, so
 * that the unit tests run while it builds; the site, browser and gate tests
 * wait for it in `ensureBuilt()`. The teardown waits for the build to end.
 */
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { DEFAULT_BUILD, makeBuild, writeRecord } from './build-site';

export default function setup(project: TestProject): () => Promise<void> {
  const run = randomUUID();
  project.provide('siteTestRun', run);
  // Whatever happens, the tests waiting for the build get a record of it.
  const building = makeBuild(DEFAULT_BUILD, run).catch((e: Error) => writeRecord(DEFAULT_BUILD, { run, ok: false, error: e.stack ?? e.message }));
  return async () => {
    await building;
  };
}
