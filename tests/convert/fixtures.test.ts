/**
 * One loop over tests/fixtures/<case>/: `input.txt` is converted with no
 * corrections or decisions; `expected.json` is the reviewed document model it
 * must give, `expected-error.txt` the exact error (with its line) it must
 * raise instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPlan } from '../../src/convert/convert-plan.ts';
import { decodeSource } from '../../src/convert/decode-source.ts';
import { NO_DECISIONS } from '../../src/reviewed/structure-decisions.ts';
import { SourceError } from '../../src/convert/errors.ts';

const root = join(import.meta.dirname, '../fixtures');
const convert = (dir: string) =>
  convertPlan(decodeSource(readFileSync(join(dir, 'input.txt'))), { corrections: [], decisions: NO_DECISIONS });

describe('fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (existsSync(join(dir, 'expected.json'))) {
      it(`${name}: converts to the reviewed model`, () => {
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
        expect(convert(dir).plan).toEqual(expected);
      });
    } else {
      it(`${name}: fails with the line and the reason`, () => {
        const expected = readFileSync(join(dir, 'expected-error.txt'), 'utf8').trim();
        let error: unknown;
        try {
          convert(dir);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SourceError);
        expect((error as SourceError).message).toBe(expected);
        expect((error as SourceError).line).toBeGreaterThan(0);
      });
    }
  }
});
