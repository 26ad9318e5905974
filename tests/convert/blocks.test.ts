/** Blocks of the real plan: boxes, tables, targets, paragraphs and their leads. */
import { describe, expect, it } from 'vitest';
import type { Block, Box, Inline } from '../../src/convert/model.ts';
import { inlineText } from '../../src/convert/inline-text.ts';
import { isLeadShaped, LEAD_MAX_LENGTH } from '../../src/convert/build-blocks.ts';
import { decisions, plan, report } from '../helpers/real-plan.ts';

interface Placed {
  block: Block;
  where: string;
  next: Block | undefined;
}
const placed: Placed[] = [];
const collect = (blocks: Block[], where: string) =>
  blocks.forEach((block, i) => placed.push({ block, where, next: blocks[i + 1] }));
collect(plan.preface.blocks, '序言');
for (const p of plan.parts) {
  collect(p.intro, p.label);
  for (const c of p.chapters) {
    collect(c.intro, p.label + c.label);
    for (const s of c.sections) collect(s.blocks, p.label + c.label + s.label);
  }
}
collect(plan.appendix.blocks, '附表');
const of = <K extends Block['kind']>(kind: K) => placed.filter((p) => p.block.kind === kind) as (Placed & { block: Extract<Block, { kind: K }> })[];
const text = (parts: readonly Inline[] | null) => inlineText(parts ?? []);

describe('boxes', () => {
  const boxes = of('box');
  it('finds the ten 专栏 in order, each titled with its program (ending in 计划)', () => {
    expect(boxes.map((b) => b.block.label)).toEqual(Array.from({ length: 10 }, (_, i) => `专栏${i + 1}`));
    expect(boxes.map((b) => b.block.title)).toEqual([
      '“书香北京”计划',
      '共建“一带一路”企业伙伴计划',
      '小微企业协同创新星火计划',
      '京津冀传统产业升级赋能计划',
      '数字经济伙伴计划',
      '产业雁阵培育计划',
      '低碳领跑者计划',
      '节水“晒一晒”计划',
      '幸福晚年养老计划',
      '全民健身品牌培育计划',
    ]);
    expect(boxes.map((b) => b.where)).toEqual([
      '第三篇第三章一、',
      '第四篇第二章一、',
      '第五篇第三章一、',
      '第六篇第四章三、',
      '第七篇第三章四、',
      '第七篇第四章一、',
      '第九篇第三章一、',
      '第九篇第三章三、',
      '第十篇第三章二、',
      '第十篇第四章一、',
    ]);
  });

  it('ends each box where the decisions say, handing the rest back to the chapter', () => {
    const after = (n: number) => boxes[n - 1]!.next;
    const leadOf = (b: Block | undefined) => (b?.kind === 'paragraph' ? text(b.lead) : null);
    expect(leadOf(after(1))).toBe('让文化艺术浸润城市品质。');
    expect(leadOf(after(3))).toBe('充分发挥领军企业创新带动作用。');
    expect(leadOf(after(7))).toBe('积极开展应对气候变化国际交流合作。');
    expect(leadOf(after(8))).toBe('大力提升资源循环利用水平。');
    // Boxes 2, 4, 5, 6, 9 and 10 run to the next heading.
    for (const n of [2, 4, 5, 6, 9, 10]) expect(after(n)).toBeUndefined();
  });

  it('ends each box with the last sentence of its last item: the decided one, or the last before the next heading', () => {
    const lastSentence = (b: Box) => {
      const item = b.items.at(-1)!;
      return (text(item.body) || text(item.lead)).split(/(?<=。)/).filter(Boolean).at(-1);
    };
    expect(boxes.map((b) => [b.block.items.length, lastSentence(b.block)])).toEqual([
      [4, '支持图书馆延长开放时间，提高图书馆运营效能。'],
      [4, '依托海外华商组织、专业协会建设海外联络服务中心，打造“一带一路”合作服务驿站。'],
      [4, '鼓励院所高校、龙头企业开展联合技术开发、分包研发等。'],
      [4, '在创新链、产业链、供应链延伸过程中，完善利益共享机制，合力打造新的产业增长点。'],
      [3, '支持创建数字化转型开源社区，形成各类市场主体相互依存、有序竞争、互促互进的良好氛围，全面增强本市数字经济发展活力。'],
      [5, '完善供应链金融服务，鼓励金融机构为雁阵企业提供一体化的系统解决方案，降低雁阵企业整体融资成本。'],
      [2, '鼓励碳中和。'],
      [3, '研究制定机关用水定额标准，编写机关用水行为手册，推行用水规范化、精准化管理。'],
      [10, '推进老年人能力综合评估、信用评价等养老服务执行标准的互通互认。'],
      [5, '完善全民健身公共服务平台建设，丰富全民健身互联网应用，链接全民健身设施资源、赛事活动、社会组织和指导服务，向市民提供更加便捷可及的全民健身服务。'],
    ]);
    // Where a decision ends a box, its named sentence is the box's last.
    for (const end of decisions.boxEnds) expect(lastSentence(boxes[end.box - 1]!.block), `专栏${end.box}`).toMatch(new RegExp(`^${end.startsWith}`));
    expect(decisions.boxEnds.map((d) => d.box).sort()).toEqual([1, 3, 7, 8]);
  });

  it('keeps the main text out of the boxes and the boxes out of the main text', () => {
    // The sentences of the main text that name a box's program stay outside every box…
    const boxText = boxes.map((b) => text(b.block.intro) + b.block.items.map((i) => text(i.lead) + text(i.body)).join('')).join('\n');
    const mainText = placed.filter((p) => p.block.kind === 'paragraph').map((p) => {
      const b = p.block as Extract<Block, { kind: 'paragraph' }>;
      return text(b.lead) + text(b.body);
    }).join('\n');
    for (const sentence of ['探索小微企业协同创新星火计划。', '实施京津冀传统产业升级赋能计划，', '开展数字经济伙伴计划。', '实施雁阵培育计划,', '研究低碳领跑者计划。']) {
      expect(mainText, sentence).toContain(sentence);
      expect(boxText, sentence).not.toContain(sentence);
    }
    // …and no paragraph outside a box holds a box item's lead.
    const itemLeads = new Set(boxes.flatMap((b) => b.block.items.map((i) => text(i.lead))));
    const outside = of('paragraph').map((p) => text(p.block.lead));
    expect(outside.filter((lead) => itemLeads.has(lead))).toEqual([]);
    // Each box begins right after the text before it: its intro starts the box, not the chapter.
    expect(boxes.map((b) => text(b.block.intro).slice(0, 6))).toEqual([
      '积极拓展城市',
      '把握“两区”',
      '完善创新政策',
      '充分挖掘北京',
      '发布实施数字',
      '打造以龙头企',
      '为引导激励全',
      '大力推动全社',
      '打造“四种模',
      '加快建设与国',
    ]);
  });

  it('splits each box into its introduction and its items', () => {
    const items = (n: number) => (boxes[n - 1]!.block as Box).items.map((i) => text(i.lead));
    expect(items(1)).toEqual(['打造一批“城市书房”。', '提升一批阅读活动。', '完善一批扶持政策。', '推动一批改革创新。']);
    expect(items(7)).toEqual(['面向家庭和个人：低碳生活送普惠。', '面向企业和机构：低碳领跑树标杆。']);
    expect(items(10)).toHaveLength(5);
    expect(text(boxes[2]!.block.intro)).toMatch(/^完善创新政策，/);
    expect(boxes[0]!.block.footerBefore).toBe(30);
  });
});

describe('tables', () => {
  it('keeps the indicators table as one block in 第一篇第三章 二、, page footer 13 inside', () => {
    const [t, ...more] = of('table').filter((t) => t.block.table === 'indicators');
    expect(more).toHaveLength(0);
    expect(t!.where).toBe('第一篇第三章二、');
    expect(text(t!.block.raw)).toMatch(/^“十四五”时期经济社会发展主要指标类序指标目标属性别号/);
    expect(text(t!.block.raw)).toMatch(/注：【】为五年累计数。$/);
    expect(t!.block.raw).toContainEqual({ footer: 13 });
  });

  it('keeps the appendix as one block with footers 216–218 inside', () => {
    const [t] = of('table').filter((t) => t.block.table === 'packages');
    expect(t!.where).toBe('附表');
    expect(t!.block.raw.filter((p) => typeof p === 'object')).toEqual([{ footer: 216 }, { footer: 217 }, { footer: 218 }]);
    expect(plan.appendix.footerBefore).toBe(215);
  });
});

describe('targets of 第一篇第三章', () => {
  it('are the six 2035 and six 2025 `——` lines, each with its body', () => {
    const targets = of('target');
    expect(targets).toHaveLength(12);
    expect(new Set(targets.map((t) => t.where))).toEqual(new Set(['第一篇第三章二、']));
    expect(targets.map((t) => text(t.block.lead).startsWith('——'))).toEqual(Array(12).fill(true));
    expect(text(targets[0]!.block.body)).toMatch(/^更加适应党和国家工作大局需要/);
    expect(text(targets[6]!.block.lead)).toBe('——首都功能明显提升。');
  });
});

describe('paragraphs and leads', () => {
  it('applies the lead rule: short single-clause sentences before a body', () => {
    expect(isLeadShaped('塑造长安街国家礼仪形象。')).toBe(true);
    expect(isLeadShaped('“十三五”规划圆满收官，首都现代化建设站上新起点。')).toBe(false);
    expect(isLeadShaped('——生态环境根本好转。')).toBe(false);
    expect(isLeadShaped('一'.repeat(LEAD_MAX_LENGTH) + '。')).toBe(false);
  });

  it('marks the leads of the real plan (433 paragraph leads, 44 box items), each by the rule or a decision, and reports their number', () => {
    const leads = of('paragraph').filter((p) => p.block.lead).map((p) => text(p.block.lead));
    const boxLeads = of('box').flatMap((b) => b.block.items);
    // The reviewed figures the README gives.
    expect([leads.length, boxLeads.length, report.leads]).toEqual([433, 44, 477]);
    // Every lead is lead-shaped, or a reviewed decision makes it one.
    const decided = decisions.leads.filter((d) => d.lead).map((d) => d.startsWith);
    const unexplained = [...leads, ...boxLeads.map((i) => text(i.lead))].filter(
      (lead) => !isLeadShaped(lead) && !decided.some((start) => lead.startsWith(start)),
    );
    expect(unexplained).toEqual([]);
    expect(leads).toContain('塑造长安街国家礼仪形象。');
    expect(leads).toContain('人民生活水平迈上新台阶。');
    expect(leads).not.toContain('出台“七有”“五性”监测评价指标体系。');
    expect(leads).not.toContain('探索形成回天地区大型社区治理样本。');
    expect(leads).toContain('改革开放开创新局面。');
  });

  it('never leaves an empty paragraph', () => {
    for (const p of of('paragraph')) expect(text(p.block.lead) + text(p.block.body)).not.toBe('');
  });
});
