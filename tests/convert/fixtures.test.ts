/**
 * One loop over tests/fixtures/<stage>/<case>/: the case's `input.*` goes
 * through the converter stage named by the folder (stage-runners.ts: the
 * stages before it run as the converter runs them), and what comes out must equal
 * the reviewed `expected.*` — or the stage must fail with exactly the error
 * of `expected-error.txt` (a SourceError naming its line). `convert` is the
 * whole converter with no corrections or decisions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/convert/errors.ts';
import { STAGES } from './stage-runners.ts';

const root = join(import.meta.dirname, '../fixtures');

/** The reviewed output of a case: `expected.json` (compared as a value) or another `expected.*` (compared as text). */
function expectedOf(dir: string): { file: string; value: unknown } | null {
  const file = readdirSync(dir).find((f) => f.startsWith('expected.'));
  if (!file) return null;
  const text = readFileSync(join(dir, file), 'utf8');
  return { file, value: file.endsWith('.json') ? JSON.parse(text) : text };
}

it('every fixture folder is a known stage', () => {
  expect(readdirSync(root).filter((stage) => !(stage in STAGES))).toEqual([]);
});

for (const [stage, { input, run }] of Object.entries(STAGES)) {
  describe(`${stage} fixtures`, () => {
    const stageDir = join(root, stage);
    const cases = existsSync(stageDir) ? readdirSync(stageDir).sort() : [];
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      const dir = join(stageDir, name);
      const expected = expectedOf(dir);
      if (expected) {
        it(`${name}: gives ${expected.file}`, () => {
          expect(run(readFileSync(join(dir, input)))).toEqual(expected.value);
        });
      } else {
        it(`${name}: fails with the line and the reason of expected-error.txt`, () => {
          const want = readFileSync(join(dir, 'expected-error.txt'), 'utf8').trim();
          let error: unknown;
          try {
            run(readFileSync(join(dir, input)));
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(SourceError);
          expect((error as SourceError).message).toBe(want);
          expect((error as SourceError).line).toBeGreaterThan(0);
        });
      }
    }
  });
}
