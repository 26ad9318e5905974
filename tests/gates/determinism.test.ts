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
import { buildCopy, type CopyBuild } from './copy-build';
import { copySite } from './gate-site';

let outDir: string;
let again: CopyBuild;

// The second build is made here, in the hook, not inside the test's time.
beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  again = await buildCopy('determinism');
});

describe('determinism gate', () => {
  it('builds a byte-identical dist/ from the same inputs, Pagefind files included', () => {
    const differences = treeDifferences(outDir, again.outDir);
    expect(differences).toEqual([]);
    expect(readFileSync(path.join(again.outDir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"languages"');
  });

  it('catches one changed byte in a copy of the build', () => {
    const copy = copySite(outDir, 'determinism');
    const entry = path.join(copy, 'pagefind/pagefind-entry.json');
    const bytes = readFileSync(entry);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(entry, bytes);
    expect(treeDifferences(outDir, copy)).toEqual(['differs: pagefind/pagefind-entry.json']);
  });
});
