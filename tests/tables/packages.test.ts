import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPackageItems,
  checkPackagesFaithful,
  composeContent,
  findPackagesRaw,
  packagesTableSchema,
  type PackagesTable,
} from '../../src/reviewed/packages-table';

const source = readFileSync(new URL('../../content/source/beijing-14th-five-year-plan.txt', import.meta.url), 'utf8');
const curated: PackagesTable = packagesTableSchema.parse(
  JSON.parse(readFileSync(new URL('../../content/data/packages.json', import.meta.url), 'utf8')),
);
const raw = findPackagesRaw(source)!;

/** A deep copy of the curated table to damage. */
function copy(): PackagesTable {
  return structuredClone(curated);
}

describe('the 重大工程包 appendix table', () => {
  it('is taken from after the appendix heading to the end of the plan, footer 218 included', () => {
    expect(raw.startsWith('名称建设目标主要内容推动实施')).toBe(true);
    expect(raw.endsWith('\n218')).toBe(true);
  });

  it('is a faithful de-interleaving of the raw text', () => {
    expect(checkPackagesFaithful(raw, curated)).toEqual([]);
  });

  it('has 10 packages declaring 100 projects, each item listed', () => {
    expect(curated.packages.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(curated.packages.reduce((n, p) => n + p.count, 0)).toBe(100);
    expect(curated.packages.reduce((n, p) => n + p.items.length, 0)).toBe(100);
    expect(curated.packages.map((p) => p.count)).toEqual([4, 9, 7, 7, 21, 19, 7, 13, 7, 6]);
  });

  it('rebuilds names cut into fragments by the layout', () => {
    expect(curated.packages.map((p) => p.name)).toEqual([
      '1.全国政治中心建设重大工程包',
      '2.全国文化中心建设重大工程包',
      '3.国际交往中心建设重大工程包',
      '4.国际科技创新中心建设重大工程包',
      '5.京津冀协同发展重大工程包',
      '6.现代化产业体系建设重大工程包',
      '7.城市更新重大工程包',
      '8.基础设施补短板重大工程包',
      '9.保障和改善民生重大工程包',
      '10.绿色北京建设重大工程包',
    ]);
    expect(curated.packages[1]!.goal).toBe('围绕“一核一城三带两区”总体框架，持续做好首都文化这篇大文章，建设人文北京。');
    expect(curated.packages[0]!.items[0]).toBe('长安街沿线及中南海周边等重点地区综合整治和景观提升');
    expect(curated.packages[6]!.content.startsWith('推进实施')).toBe(true);
  });
});

describe('the packages proofs reject hostile edits', () => {
  it('catches one changed character of a cell and names it', () => {
    const bad = copy();
    bad.packages[2]!.goal = bad.packages[2]!.goal.replace('外交大局', '外交大事');
    const problems = checkPackagesFaithful(raw, bad).join('\n');
    expect(problems).toMatch(/interleaving: the raw cannot be read/);
    expect(problems).toMatch(/missing.*“局”×1/);
    expect(problems).toMatch(/does not have.*“事”×1/);
  });

  it('catches a character moved from one package to the next, which keeps the characters', () => {
    const bad = copy();
    const [two, three] = [bad.packages[1]!, bad.packages[2]!];
    two.goal = two.goal.slice(0, -1);
    three.goal = `。${three.goal}`;
    const problems = checkPackagesFaithful(raw, bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/reached while reading package 2/);
  });

  it('catches the goals of two packages swapped', () => {
    const bad = copy();
    [bad.packages[7]!.goal, bad.packages[8]!.goal] = [bad.packages[8]!.goal, bad.packages[7]!.goal];
    expect(checkPackagesFaithful(raw, bad)).not.toEqual([]);
  });

  it('catches a dropped item, whether only from the list or from the content too', () => {
    const listOnly = copy();
    listOnly.packages[4]!.items.splice(3, 1);
    const problems = checkPackageItems(listOnly.packages[4]!);
    expect(problems).toContain('package 5: 20 items but the content declares 21');
    expect(problems.join('\n')).toMatch(/does not reproduce the content/);

    const everywhere = copy();
    const five = everywhere.packages[4]!;
    five.items.splice(3, 1);
    five.count = 20;
    five.content = composeContent('推动实施', five.items, 20);
    expect(checkPackageItems(five)).toEqual([]);
    expect(checkPackagesFaithful(raw, everywhere).join('\n')).toMatch(/interleaving: the raw cannot be read/);
  });

  it('catches an item split or merged at the wrong place', () => {
    const bad = copy();
    const eight = bad.packages[7]!;
    eight.items.splice(1, 2, `${eight.items[1]}、${eight.items[2]}`);
    expect(checkPackageItems(eight).join('\n')).toMatch(/12 items but the content declares 13[\s\S]*contains 、 but no itemsNote/);
  });

  it('catches a page footer put after the wrong package', () => {
    const bad = copy();
    bad.pageBreaks[0]!.afterNo = 3;
    expect(checkPackagesFaithful(raw, bad)).not.toEqual([]);
  });

  it('catches the deletion of any one character, sampled through every cell', () => {
    let deletions = 0;
    for (let i = 0; i < curated.packages.length; i++) {
      for (const field of ['name', 'goal', 'content'] as const) {
        const text = curated.packages[i]![field];
        for (let at = i % 7; at < text.length; at += 17) {
          const bad = copy();
          bad.packages[i]![field] = text.slice(0, at) + text.slice(at + 1);
          expect(checkPackagesFaithful(raw, bad), `package ${i + 1} ${field} at ${at}`).not.toEqual([]);
          deletions++;
        }
      }
    }
    expect(deletions).toBeGreaterThan(90);
  });
});
