/**
 * The remembered reading places (src/site/client/reading-positions.ts) and
 * the home page's link to the last one (continue-reading-link.ts), on
 * plain objects: what storage holds is checked before it becomes a link.
 */
import { describe, expect, it } from 'vitest';
import { continueReadingText, latestPosition, positionHref } from '../../src/site/client/continue-reading-link';
import { READING_POSITIONS_KEY, readPositions, rememberPosition, type ReadingPosition } from '../../src/site/client/reading-positions';

/** A Storage stand-in: a Map behind getItem/setItem. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

const place = (path: string, anchor: string | null, at: number): ReadingPosition => ({
  path,
  anchor,
  place: '第七篇第四章',
  section: anchor === null ? null : '二、全面提升金融业核心竞争力',
  at,
});

describe('reading positions', () => {
  it('keeps one place per chapter, the latest write winning, and finds the most recent', () => {
    const storage = memoryStorage();
    rememberPosition(place('/part-7/chapter-4/', null, 1), storage);
    rememberPosition(place('/part-7/chapter-4/', 'section-2', 3), storage);
    rememberPosition(place('/part-2/chapter-1/', 'section-1', 2), storage);
    const all = readPositions(storage);
    expect(all.length).toBe(2);
    const latest = latestPosition(all, '/')!;
    expect(positionHref(latest)).toBe('/part-7/chapter-4/#section-2');
    expect(continueReadingText(latest)).toBe('继续阅读：第七篇第四章 二、全面提升金融业核心竞争力');
    expect(continueReadingText(place('/part-7/chapter-4/', null, 1))).toBe('继续阅读：第七篇第四章');
  });

  it('offers only places of the site at its own base path', () => {
    const all = [place('/plan/part-1/chapter-2/', 'section-1', 5), place('/part-3/chapter-1/', null, 9)];
    expect(latestPosition(all, '/plan/')?.path).toBe('/plan/part-1/chapter-2/');
    expect(latestPosition(all, '/')?.path).toBe('/part-3/chapter-1/');
    expect(latestPosition([], '/')).toBeNull();
  });

  it('ignores whatever else storage holds: other addresses, scripts, broken JSON', () => {
    const hostile = {
      a: { ...place('/part-1/chapter-1/', null, 1), path: 'javascript:alert(1)//part-1/chapter-1/' },
      b: { ...place('/part-1/chapter-1/', null, 1), path: '//evil.example/part-1/chapter-1/' },
      c: { ...place('/part-1/chapter-1/', null, 1), anchor: 'x" onmouseover="alert(1)' },
      d: { ...place('/part-1/chapter-1/', null, 1), at: 'soon' },
      e: 'nonsense',
    };
    expect(readPositions(memoryStorage({ [READING_POSITIONS_KEY]: JSON.stringify(hostile) }))).toEqual([]);
    expect(readPositions(memoryStorage({ [READING_POSITIONS_KEY]: '{not json' }))).toEqual([]);
    expect(readPositions(memoryStorage({ [READING_POSITIONS_KEY]: '[1,2]' }))).toEqual([]);
    const blocked = { getItem: () => { throw new Error('SecurityError'); } };
    expect(readPositions(blocked)).toEqual([]);
  });
});
