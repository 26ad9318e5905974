/** The term index of the real plan. */
import { describe, expect, it } from 'vitest';
import { occurrencePath, quotedTerms, termInitial } from '../../src/convert/quoted-terms.ts';
import { planText } from '../../src/convert/plan-text.ts';
import { plan } from '../helpers/real-plan.ts';

const terms = quotedTerms(plan);
const byTerm = new Map(terms.map((t) => [t.term, t]));

describe('quoted terms', () => {
  it('finds the plan’s quoted names with their counts', () => {
    for (const t of ['“两区”', '“三城一区”', '“接诉即办”', '“七有”“五性”', '“七有”', '“四个中心”']) {
      expect(byTerm.has(t), t).toBe(true);
    }
    const text = planText(plan);
    // “三城一区” occurs in the tables too, which are not indexed here: count no more than the text holds.
    const inText = text.split('“三城一区”').length - 1;
    expect(byTerm.get('“三城一区”')!.count).toBeLessThanOrEqual(inText);
    expect(byTerm.get('“三城一区”')!.count).toBeGreaterThan(5);
  });

  it('counts each quote of a run for its single term too', () => {
    const runs = byTerm.get('“七有”“五性”')!.count;
    expect(byTerm.get('“七有”')!.count).toBeGreaterThanOrEqual(runs);
  });

  it('leaves out quoted sentences that occur once, and only those', () => {
    expect(byTerm.has('“建设一个什么样的首都，怎样建设首都”')).toBe(false);
    for (const t of terms) if (t.count === 1) expect(t.term).not.toMatch(/[，。；：！？]/);
  });

  it('never takes a term from the interleaved tables', () => {
    expect(terms.some((t) => t.term.includes('文化中两区'))).toBe(false);
  });

  it('groups by pinyin initial and sorts within', () => {
    expect(termInitial('“两区”')).toBe('L');
    expect(termInitial('“接诉即办”')).toBe('J');
    expect(termInitial('“1+1>2”')).toBe('#');
    const initials = terms.map((t) => t.initial);
    expect(initials).toEqual([...initials].sort((a, b) => a.localeCompare(b)));
  });

  it('places occurrences in their section or box, with a text fragment', () => {
    const box = byTerm.get('“晒一晒”')!;
    expect(box.occurrences.every((o) => o.box === 8)).toBe(true);
    const o = byTerm.get('“接诉即办”')!.occurrences[0]!;
    expect(occurrencePath('“接诉即办”', o)).toMatch(/^\/(part-\d+\/(chapter-\d+\/)?)?#(section-\d+|box-\d+)?:~:text=.*%E2%80%9C%E6%8E%A5/);
  });
});
