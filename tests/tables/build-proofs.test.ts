import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertCuratedTablesFaithful, curatedTableProblems } from '../../src/reviewed/table-proofs';

const source = readFileSync(new URL('../../content/source/beijing-14th-five-year-plan.txt', import.meta.url), 'utf8');
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../content/data/${file}`, import.meta.url), 'utf8'));
const indicators = read('indicators.json');
const packages = read('packages.json');

describe('the table proofs the build runs', () => {
  it('pass on the curated tables', () => {
    expect(curatedTableProblems(source, indicators, packages)).toEqual([]);
    expect(() => assertCuratedTablesFaithful(source, indicators, packages)).not.toThrow();
  });

  it('stop a bad edit of a target with the file, the row and the reason', () => {
    const bad = structuredClone(indicators);
    bad.categories[0].rows[1].measures[0].target = '7左右';
    expect(() => assertCuratedTablesFaithful(source, bad, packages)).toThrow(/content\/data\/indicators\.json: .*row 2/);
  });

  it('stop a bad edit of a package item with the file and the reason', () => {
    const bad = structuredClone(packages);
    bad.packages[2].items[0] = `${bad.packages[2].items[0]}工程`;
    expect(() => assertCuratedTablesFaithful(source, indicators, bad)).toThrow(/content\/data\/packages\.json: /);
  });
});
