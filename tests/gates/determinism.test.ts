/**
 * Gate: reproducible builds. A second, independent build of the same inputs
 * (a copy of the project with its own converter run and no Astro cache)
 * produces a dist/ byte-identical to the real one — Pagefind's hashed index
 * files and the service worker's precache revisions included. The comparison
 * is seen to catch one changed byte in a copy of the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD, ensureBuilt } from '../site/build-site';
import { treeDifferences } from './compare-trees';
import { buildCopy } from './copy-build';
import { copySite } from './gate-site';

let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
});

describe('determinism gate', () => {
  it('builds a byte-identical dist/ from the same inputs, Pagefind files included', async () => {
    const again = await buildCopy('determinism');
    const differences = treeDifferences(outDir, again.outDir);
    expect(differences).toEqual([]);
    expect(readFileSync(path.join(again.outDir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"languages"');
  }, 600_000);

  it('catches one changed byte in a copy of the build', () => {
    const copy = copySite(outDir, 'determinism');
    const entry = path.join(copy, 'pagefind/pagefind-entry.json');
    const bytes = readFileSync(entry);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(entry, bytes);
    expect(treeDifferences(outDir, copy)).toEqual(['differs: pagefind/pagefind-entry.json']);
  });
});
