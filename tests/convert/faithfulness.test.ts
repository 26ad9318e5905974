/**
 * The first law: the model's text, in reading order, is the source text minus
 * the table of contents, minus exactly the recorded page numbers, with exactly
 * the listed corrections applied.
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/convert/apply-corrections.ts';
import { planFooters, planText } from '../../src/convert/plan-text.ts';
import { corrections, plan, report, sourceText } from '../helpers/real-plan.ts';

/** Source minus TOC, with corrections, newlines dropped (they are the extraction's sentence splits, not text). */
function expectedText(): string {
  const corrected = applyCorrections(sourceText, corrections);
  return (corrected.slice(0, report.toc.start) + corrected.slice(report.toc.end)).replace(/\n/g, '');
}

describe('faithfulness of the model to the source', () => {
  it('gives back the source exactly when each page break is written as its footer', () => {
    const got = planText(plan, { footers: true });
    const want = expectedText();
    if (got !== want) {
      let i = 0;
      while (got[i] === want[i]) i++;
      expect(got.slice(i - 20, i + 40)).toBe(want.slice(i - 20, i + 40));
    }
    expect(got).toBe(want);
  });

  it('removes only the page numbers 1…218, each once and in order', () => {
    expect(planFooters(plan)).toEqual(Array.from({ length: 218 }, (_, i) => i + 1));
    const removed = planText(plan, { footers: true }).length - planText(plan).length;
    expect(removed).toBe(Array.from({ length: 218 }, (_, i) => String(i + 1).length).reduce((a, b) => a + b));
  });

  it('changes the source only where a listed correction says so', () => {
    const corrected = applyCorrections(sourceText, corrections);
    const raw = sourceText.split('\n');
    const fixed = corrected.split('\n');
    expect(fixed.length).toBe(raw.length);
    const changed = raw.flatMap((line, i) => (line !== fixed[i] ? [i + 1] : []));
    expect(changed).toEqual(corrections.map((c) => c.line).sort((a, b) => a - b));
    const text = planText(plan);
    for (const c of corrections) {
      expect(text).toContain(c.corrected);
      expect(text).not.toContain(c.raw);
    }
  });

  it('drops the whole table of contents and nothing else', () => {
    const toc = sourceText.slice(report.toc.start, report.toc.end);
    expect(toc.startsWith('目录第一篇开启首都现代化建设新征程')).toBe(true);
    expect(toc.endsWith('附表“十四五”时期重大工程包......................................................21612')).toBe(true);
    expect(planText(plan)).not.toContain('......');
  });
});
