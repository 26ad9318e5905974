/**
 * The products of the model (src/site/model-products.ts) reach the pages
 * that serve them (src/site/offered-products.ts): a build's worker's when it
 * offered them, else made in the page's own thread (astro dev); a worker's
 * failure fails the page that asks, not silently replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelProducts } from '../../src/site/model-products';
import { modelProduct, offerModelProducts } from '../../src/site/offered-products';
import type { BuildInfo } from '../../src/site/about/build-info-fs';

const info = (commit: string): BuildInfo => ({
  sourceFile: 'content/source/beijing-14th-five-year-plan.txt',
  sourceSha256: '9cb5acb5',
  commit,
  modified: false,
  date: '2021-01-27',
  dateFrom: 'commit',
});

/** A maker of the build information that counts how often it is asked. */
function countingMaker(commit: string) {
  const reads = { count: 0 };
  const make = () => {
    reads.count++;
    return info(commit);
  };
  return { make, reads };
}

afterEach(() => offerModelProducts(undefined));

describe('a product of the model', () => {
  it('is made in the page’s thread when no worker offered it (astro dev)', async () => {
    const { make, reads } = countingMaker('in-thread');
    expect(await modelProduct('buildInfo', make)).toEqual(info('in-thread'));
    expect(reads.count).toBe(1);
  });

  it('is the worker’s when a build offered its products, not made again', async () => {
    offerModelProducts(Promise.resolve({ buildInfo: info('worker') } as ModelProducts));
    const { make, reads } = countingMaker('in-thread');
    expect(await modelProduct('buildInfo', make)).toEqual(info('worker'));
    expect(reads.count).toBe(0);
  });

  it('fails with the worker’s error when the worker failed', async () => {
    offerModelProducts(Promise.reject(new Error('the model worker stopped (exit 1) before it was done')));
    await expect(modelProduct('buildInfo', countingMaker('in-thread').make)).rejects.toThrow('model worker stopped');
  });
});
