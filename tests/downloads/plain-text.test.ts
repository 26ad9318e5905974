/**
 * The plain-text download, built from the embedded plan: deleting every line
 * break and tab gives back the model's text (planText, the faithfulness
 * proof's text) with each table's raw text replaced by its curated cells in
 * the site's order; every line is a heading, a paragraph, a target line, a
 * box's heading, introduction or item, or a table row.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { blocksText, planText } from '../../src/convert/plan-text';
import { planPlainText } from '../../src/downloads/plain-text';
import { indicators, packages } from '../helpers/curated-tables';
import { plan } from '../helpers/real-plan';
import { indicatorsTableText, packagesTableText } from '../site/plan-text';

const tables = { indicators, packages };
const text = planPlainText(plan, tables);
const lines = text.split('\n');

/** Every heading of the plan as printed (label and title), in reading order. */
function headings(p: Plan): string[] {
  return [
    p.title,
    p.preface.title,
    ...p.parts.flatMap((part) => [
      part.label + part.title,
      ...part.chapters.flatMap((chapter) => [chapter.label + chapter.title, ...chapter.sections.map((s) => s.label + s.title)]),
    ]),
    p.appendix.label + p.appendix.title,
  ];
}

describe('plain-text download', () => {
  it('holds no tab or line break inside the plan’s own text', () => {
    expect(planText(plan)).not.toMatch(/[\t\n]/);
  });

  it('is the model’s text once its line breaks and tabs are deleted, the tables given by their curated cells', () => {
    const cells = { indicators: indicatorsTableText(tables.indicators).join(''), packages: packagesTableText(tables.packages).join('') };
    const expected = planText(plan, { table: (t) => cells[t.table] });
    expect(text.replace(/[\n\t]/g, '')).toBe(expected);
    expect(expected.length).toBeGreaterThan(100_000);
  });

  it('puts each heading on a line of its own, in order, and ends every line with LF', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).filter((line) => line.replace(/\t/g, '').trim() === '')).toEqual([]);
    let at = 0;
    for (const heading of headings(plan)) {
      const found = lines.indexOf(heading, at);
      expect(found, heading).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  it('gives each paragraph and target line a line of its own', () => {
    const blocks = plan.parts.flatMap((p) => [...p.intro, ...p.chapters.flatMap((c) => [...c.intro, ...c.sections.flatMap((s) => s.blocks)])]);
    const prose = blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'target' ? [blocksText([b])] : []));
    expect(prose.length).toBeGreaterThan(400);
    const set = new Set(lines);
    expect(prose.filter((p) => !set.has(p))).toEqual([]);
  });

  it('writes the tables as tab-separated rows whose cells are the curated cells', () => {
    const indicatorsStart = lines.indexOf(tables.indicators.caption);
    const indicatorsEnd = lines.indexOf(tables.indicators.note);
    const rows = lines.slice(indicatorsStart, indicatorsEnd + 1).map((line) => line.split('\t'));
    expect(rows.slice(1, -1).every((row) => row.length === 6)).toBe(true);
    expect(rows.flat().filter(Boolean)).toEqual(indicatorsTableText(tables.indicators));
    const packagesStart = lines.indexOf(tables.packages.headers.join('\t'));
    const packageRows = lines.slice(packagesStart, packagesStart + 1 + tables.packages.packages.length).map((line) => line.split('\t'));
    expect(packageRows.every((row) => row.length === 3)).toBe(true);
    expect(packageRows.flat()).toEqual(packagesTableText(tables.packages));
  });
});
