/**
 * The products of the model (src/site/model-products.ts) reach the pages
 * that serve them: a build's worker's when it offered them, else made in the
 * page's own thread from the page's sources (astro dev); a worker's failure
 * fails the page that asks, not silently replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { modelProduct, offerModelProducts, type ModelProducts, type ModelSources } from '../../src/site/model-products';
import type { BuildInfo } from '../../src/site/about/build-info-fs';

const info = (commit: string): BuildInfo => ({
  sourceFile: 'content/source/beijing-14th-five-year-plan.txt',
  sourceSha256: '9cb5acb5',
  commit,
  modified: false,
  date: '2021-01-27',
  dateFrom: 'commit',
});

/** Sources that count how often the build information is read. */
function countingSources(commit: string) {
  const reads = { count: 0 };
  const sources = (): ModelSources =>
    ({
      buildInfo: () => {
        reads.count++;
        return info(commit);
      },
    }) as unknown as ModelSources;
  return { sources, reads };
}

afterEach(() => offerModelProducts(undefined));

describe('a product of the model', () => {
  it('is made from the page’s sources when no worker offered it (astro dev)', async () => {
    const { sources, reads } = countingSources('in-thread');
    expect(await modelProduct('buildInfo', sources)).toEqual(info('in-thread'));
    expect(reads.count).toBe(1);
  });

  it('is the worker’s when a build offered its products, the sources left unread', async () => {
    offerModelProducts(Promise.resolve({ buildInfo: info('worker') } as ModelProducts));
    const { sources, reads } = countingSources('in-thread');
    expect(await modelProduct('buildInfo', sources)).toEqual(info('worker'));
    expect(reads.count).toBe(0);
  });

  it('fails with the worker’s error when the worker failed', async () => {
    offerModelProducts(Promise.reject(new Error('the model worker stopped (exit 1) before it was done')));
    await expect(modelProduct('buildInfo', countingSources('in-thread').sources)).rejects.toThrow('model worker stopped');
  });
});
