import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkIndicatorsCharacters,
  checkIndicatorsFaithful,
  checkIndicatorsLayout,
  findIndicatorsRaw,
  flattenIndicators,
  indicatorsCharacters,
  indicatorsTableSchema,
  type IndicatorsTable,
} from '../../src/reviewed/indicators-table';

const source = readFileSync(new URL('../../content/source/beijing-14th-five-year-plan.txt', import.meta.url), 'utf8');
const curated: IndicatorsTable = indicatorsTableSchema.parse(
  JSON.parse(readFileSync(new URL('../../content/data/indicators.json', import.meta.url), 'utf8')),
);
const raw = findIndicatorsRaw(source)!;

/** A deep copy of the curated table to damage. */
function copy(): IndicatorsTable {
  return structuredClone(curated);
}

/** The row numbered `no` in `table`. */
function row(table: IndicatorsTable, no: number) {
  const found = table.categories.flatMap((c) => c.rows).find((r) => r.no === no);
  if (!found) throw new Error(`no row ${no}`);
  return found;
}

describe('the main-indicators table', () => {
  it('is taken from the one raw line that starts with the caption and ends with the note', () => {
    expect(raw).not.toBeNull();
    expect(source.split('\n').indexOf(raw)).toBe(140);
    expect(raw.endsWith('注：【】为五年累计数。')).toBe(true);
  });

  it('is a faithful de-interleaving of the raw line (characters and layout)', () => {
    expect(checkIndicatorsFaithful(raw, curated)).toEqual([]);
  });

  it('accounts for every raw character once, with the page-13 footer and repeated header set aside', () => {
    const table = [...indicatorsCharacters(curated).values()].reduce((a, b) => a + b, 0);
    const setAside = '13'.length + curated.headers.join('').length;
    expect(table + setAside).toBe(Array.from(raw).length);
  });

  it('has 25 numbered indicators in seven categories and 27 lines with the sub-rows of 9 and 25', () => {
    const lines = flattenIndicators(curated);
    expect(new Set(lines.map((l) => l.no))).toEqual(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));
    expect(lines).toHaveLength(27);
    expect(curated.categories.map((c) => c.category)).toEqual([
      '创新发展',
      '协调发展',
      '绿色发展',
      '开放发展',
      '共享发展',
      '减量提质',
      '安全稳定',
    ]);
    expect(lines.filter((l) => l.no === 9).map((l) => [l.group, l.name, l.target])).toEqual([
      ['绿化', '森林覆盖率', '45'],
      ['绿化', '平原地区森林覆盖率', '32'],
    ]);
    expect(lines.filter((l) => l.no === 25).map((l) => [l.group, l.name, l.target])).toEqual([
      ['食品药品安全', '食品安全抽检合格率', '>98.5'],
      ['食品药品安全', '药品抽验合格率', '>99'],
    ]);
  });

  it('keeps the targets, units and attributes of the plan exactly as printed', () => {
    const byNo = new Map(flattenIndicators(curated).map((l) => [l.no, l]));
    expect(byNo.get(1)).toMatchObject({ name: '全社会研究与试验发展经费支出占地区生产总值比重', unit: '%', target: '6左右', attribute: '预期性' });
    expect(byNo.get(4)).toMatchObject({ unit: '万元/人', target: '35左右' });
    expect(byNo.get(8)).toMatchObject({ target: '达到国家要求', attribute: '约束性' });
    expect(byNo.get(14)).toMatchObject({ name: '实际利用外资规模', unit: '亿美元', target: '【830左右】' });
    expect(byNo.get(15)?.target).toBe('＞5');
    expect(byNo.get(16)?.target).toBe('与经济增长基本同步');
    expect(byNo.get(19)).toMatchObject({ name: '每千常住人口执业（助理）医师数', unit: '人' });
    expect(byNo.get(20)?.target).toBe('<30');
    expect(byNo.get(21)).toMatchObject({ category: '减量提质', name: '城乡建设用地规模', target: '保持下降趋势' });
    expect(byNo.get(22)).toMatchObject({ target: '≤2300', attribute: '约束性' });
    expect(byNo.get(23)).toMatchObject({ unit: '人/百亿元', target: '<0.9' });
    expect(row(curated, 9).measures.map((m) => m.unitAsPrinted)).toEqual(['（%）', '（%）']);
  });
});

describe('the indicators proofs reject hostile edits', () => {
  it('catches one changed character of a cell and names it', () => {
    const bad = copy();
    row(bad, 14).measures[0]!.target = '【850左右】';
    const problems = checkIndicatorsCharacters(raw, bad);
    expect(problems.join('\n')).toMatch(/missing.*“3”×1/);
    expect(problems.join('\n')).toMatch(/does not have.*“5”×1/);
    expect(checkIndicatorsLayout(raw, bad)).not.toEqual([]);
  });

  it('catches a swap of two targets between rows, which keeps the characters', () => {
    const bad = copy();
    row(bad, 20).measures[0]!.target = '≤2300';
    row(bad, 22).measures[0]!.target = '<30';
    expect(checkIndicatorsCharacters(raw, bad)).toEqual([]);
    expect(checkIndicatorsLayout(raw, bad)).not.toEqual([]);
    expect(checkIndicatorsFaithful(raw, bad)).not.toEqual([]);
  });

  it('catches every swap of two different targets between lines', () => {
    const lines = flattenIndicators(curated);
    const at = (t: IndicatorsTable, i: number) => {
      const l = lines[i]!;
      return row(t, l.no).measures.find((m) => m.name === l.name)!;
    };
    let swaps = 0;
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        if (lines[i]!.target === lines[j]!.target) continue;
        const bad = copy();
        [at(bad, i).target, at(bad, j).target] = [at(bad, j).target, at(bad, i).target];
        expect(checkIndicatorsLayout(raw, bad), `swap of lines ${i + 1} and ${j + 1}`).not.toEqual([]);
        swaps++;
      }
    }
    expect(swaps).toBeGreaterThan(300);
  });

  it('catches a swap of the two sub-row targets within row 9', () => {
    const bad = copy();
    const [forest, plain] = row(bad, 9).measures;
    [forest!.target, plain!.target] = [plain!.target, forest!.target];
    expect(checkIndicatorsCharacters(raw, bad)).toEqual([]);
    expect(checkIndicatorsLayout(raw, bad)).not.toEqual([]);
  });

  it('catches swapped attributes and swapped units between rows', () => {
    const attrs = copy();
    row(attrs, 5).attribute = '约束性';
    row(attrs, 8).attribute = '预期性';
    expect(checkIndicatorsCharacters(raw, attrs)).toEqual([]);
    expect(checkIndicatorsLayout(raw, attrs)).not.toEqual([]);

    const units = copy();
    row(units, 2).measures[0]!.unitAsPrinted = '（万元/人）';
    row(units, 4).measures[0]!.unitAsPrinted = '（件）';
    expect(checkIndicatorsCharacters(raw, units)).toEqual([]);
    expect(checkIndicatorsLayout(raw, units)).not.toEqual([]);
  });

  it('catches a row moved into the neighbouring category', () => {
    const bad = copy();
    const seven = bad.categories[1]!.rows.pop()!;
    bad.categories[2]!.rows.unshift(seven);
    expect(checkIndicatorsCharacters(raw, bad)).toEqual([]);
    expect(checkIndicatorsLayout(raw, bad)).not.toEqual([]);
  });

  it('catches a page break put after the wrong row, or forgotten', () => {
    const moved = copy();
    moved.pageBreaks[0]!.afterNo = 4;
    expect(checkIndicatorsLayout(raw, moved)).not.toEqual([]);

    const forgotten = copy();
    forgotten.pageBreaks = [];
    const missing = checkIndicatorsCharacters(raw, forgotten).join('\n');
    expect(missing).toMatch(/missing.*“1”×1/);
    expect(missing).toMatch(/missing.*“3”×1/);
    expect(checkIndicatorsLayout(raw, forgotten)).not.toEqual([]);
  });

  it('reports a schema problem instead of checking malformed data', () => {
    const bad = copy() as unknown as { categories: { rows: { no: number }[] }[] };
    bad.categories[0]!.rows[1]!.no = 7;
    expect(checkIndicatorsFaithful(raw, bad).join('\n')).toMatch(/schema: .*row 2 is numbered 7/);
  });
});
