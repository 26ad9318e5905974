/**
 * src/site/before-paint/before-paint.js sets the reader's text size before the first paint;
 * the header control (src/site/client/reading-size.ts) stores it. Both must
 * read the same entry and the same sizes (reading-size-choice.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_SIZE, READING_SIZES, READING_SIZE_KEY } from '../../src/site/client/reading-size-choice';

const script = readFileSync(path.join(import.meta.dirname, '../../src/site/before-paint/before-paint.js'), 'utf8');

/** The size the script sets on <html> when the entry holds `stored` (null: none; 'throw': storage disabled). */
function sizeSet(stored: string | null | 'throw'): string | undefined {
  let set: string | undefined;
  const context: Record<string, unknown> = {
    localStorage: {
      getItem: (key: string) => {
        if (stored === 'throw') throw new Error('storage disabled');
        return key === READING_SIZE_KEY ? stored : null;
      },
    },
    matchMedia: () => ({ matches: false }),
    document: { documentElement: { dataset: {}, setAttribute: (name: string, value: string) => name === 'data-reading-size' && (set = value) } },
  };
  context.window = context;
  runInNewContext(script, context);
  return set;
}

describe('the text size before the first paint', () => {
  it('applies every size the control stores, under the control\'s key', () => {
    for (const size of READING_SIZES) expect(sizeSet(size)).toBe(size);
  });
  it('falls back to the default for nothing stored, a stray value, or storage that throws', () => {
    for (const stored of [null, 'huge', 'throw'] as const) expect(sizeSet(stored)).toBe(DEFAULT_READING_SIZE);
  });
});
