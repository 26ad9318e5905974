/** The printed page footers found in the real plan. */
import { describe, expect, it } from 'vitest';
import { planText } from '../../src/convert/plan-text.ts';
import { plan } from '../helpers/real-plan.ts';

const marked = planText(plan, { footer: (n) => `[${n}]` });

describe('page footers of the real plan', () => {
  it('are taken out mid-word and next to real numbers, leaving the words whole', () => {
    expect(marked).toContain('进一步增[150]加森林碳汇');
    expect(marked).toContain('到2025[130]年，单位地区生产总值');
    expect(marked).toContain('全市每年接受6[166]次以上');
    expect(marked).toContain('24个[121]一道绿隔');
    expect(marked).toContain('开展5G+8K、[33]人工智能');
    expect(marked).toContain('体系和金融风险防范化[2]解机制');
    const text = planText(plan);
    for (const whole of ['增加森林碳汇', '到2025年，单位地区生产总值', '接受6次以上', '24个一道绿隔', '防范化解机制']) {
      expect(text).toContain(whole);
    }
  });

  it('leave real numbers alone', () => {
    const text = planText(plan);
    for (const real of ['北京2022年冬奥会', '（C40）', '“1+1>2”', '5G+8K', '1.75', '【830左右】', '≤2300', '2.5']) {
      expect(text).toContain(real);
    }
  });

  it('inside the indicators table are told from the indicator numbers', () => {
    // 13 is the footer inside the table; 14 is the indicator number (实际利用外资规模), and page 14 ends after the table's note.
    expect(marked).toContain('5左右预期性[13]类序指标目标属性别号');
    expect(marked).toContain('开14实际利用外资规模');
    expect(plan.parts[1]!.footerBefore).toBe(14);
  });

  it('match the reviewed list of every footer in its context', async () => {
    const contexts: string[] = [];
    for (const m of marked.matchAll(/\[(\d+)\]/g)) {
      const clean = (s: string) => s.replace(/\[\d+\]/g, '');
      const before = clean(marked.slice(0, m.index)).slice(-12);
      const after = clean(marked.slice(m.index + m[0].length)).slice(0, 12);
      contexts.push(`${m[1]!.padStart(3)}  ${before}|${after}`);
    }
    await expect(contexts.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/page-footer-contexts.txt');
  });
});
