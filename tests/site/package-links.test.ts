/**
 * The places of the plan that discuss each 重大工程包 project: found by key
 * phrases in the model's text, with reviewed overrides; no link without a
 * phrase in the text behind it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagesTableSchema } from '../../src/reviewed/packages-table';
import {
  checkPackageLinks,
  linkPackageItems,
  packageLinksDataSchema,
  packagesDiscussedOn,
  textPlaces,
  type PackageLinksData,
} from '../../src/reviewed/package-links';
import { plan } from '../helpers/real-plan';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../content/data/${file}`, import.meta.url), 'utf8'));
const table = packagesTableSchema.parse(read('packages.json'));
const data = packageLinksDataSchema.parse(read('package-links.json'));
const linked = linkPackageItems(plan, table, data);
const items = linked.flatMap((p) => p.items.map((item) => ({ no: p.no, ...item })));
const hrefsOf = (no: number, text: string) => items.find((i) => i.no === no && i.text === text)!.places.map((p) => p.href);

describe('links of the package items', () => {
  it('are consistent with the plan: every override phrase is in the body, every other item is found as printed', () => {
    expect(checkPackageLinks(plan, table, data)).toEqual([]);
  });

  it('cover all 100 items, and leave unlinked exactly the items a reviewed override says the body never mentions', () => {
    expect(items).toHaveLength(100);
    const unlinked = items.filter((i) => i.places.length === 0);
    expect(unlinked.every((i) => i.phrases.length === 0 && i.reason !== null)).toBe(true);
    expect(unlinked.map((i) => `${i.no}.${i.k} ${i.text}`)).toEqual([
      '5.6 城市副中心新潮汇',
      '5.8 集成电路高端制造基地',
      '5.10 大运河金港景区',
      '5.13 城市副中心北部国际合作科创园',
      '5.14 六环路创新发展活力街区',
      '5.21 公共安全设施协同布局',
      '6.5 传统汽车产业优势再造',
      '6.19 休闲农业“十百千万”提升工程',
    ]);
  });

  it('lead only to places that exist: a 篇 or 章 page, or a section of a 章', () => {
    const sections = new Set(
      plan.parts.flatMap((p) => [
        `/part-${p.n}/`,
        ...p.chapters.flatMap((c) => [`/part-${p.n}/chapter-${c.n}/`, ...c.sections.map((s) => `/part-${p.n}/chapter-${c.n}/#section-${s.n}`)]),
      ]),
    );
    const hrefs = items.flatMap((i) => i.places.map((p) => p.href));
    expect(hrefs.length).toBeGreaterThanOrEqual(92);
    expect(hrefs.filter((href) => !sections.has(href))).toEqual([]);
  });

  it('find items printed alike in the body, and those the body words differently', () => {
    expect(hrefsOf(4, '国家实验室建设')).toEqual(['/part-5/chapter-1/#section-1']);
    expect(hrefsOf(5, '张家湾小镇')).toEqual(['/part-6/chapter-2/#section-2', '/part-7/chapter-2/#section-2']);
    expect(hrefsOf(3, '国际人才社区建设')).toEqual(['/part-4/chapter-3/#section-2', '/part-5/chapter-2/#section-2']);
    expect(hrefsOf(8, '绿电应用')).toEqual(['/part-8/chapter-4/#section-2']);
    // 中关村科学城 alone would also find 宝坻中关村科学城 in Tianjin (第六篇第四章).
    expect(hrefsOf(4, '中关村科学城创新策源工程')).toEqual(['/part-5/chapter-2/#section-1']);
  });

  it('report a stale or missing override instead of linking somewhere wrong', () => {
    const broken: PackageLinksData = structuredClone(data);
    broken.overrides.find((o) => o.item === '张家湾小镇')!.phrases = ['张家湾艺术小镇'];
    broken.overrides = broken.overrides.filter((o) => o.item !== '绿电应用');
    broken.overrides.push({ package: 2, item: '不存在的项目', phrases: [], reason: 'a reason long enough' });
    broken.overrides.push({ ...data.overrides[0]! });
    expect(checkPackageLinks(plan, table, broken)).toEqual([
      'package 5: “张家湾小镇”: phrase “张家湾艺术小镇” is not in the plan\'s body',
      'package 2: no item “不存在的项目” to override',
      `package ${data.overrides[0]!.package}: item “${data.overrides[0]!.item}” overridden twice`,
      "package 8: “绿电应用” is not in the plan's body as printed; add an override to content/data/package-links.json",
    ]);
  });

  it('tell each 章 page which packages it discusses', () => {
    const onPage = packagesDiscussedOn(linked, '/part-6/chapter-2/');
    expect(onPage.map((p) => p.no)).toEqual([3, 5, 8, 10]);
    expect(onPage.find((p) => p.no === 5)!.items.map((i) => i.text)).toContain('行政办公区二期');
    expect(packagesDiscussedOn(linked, '/part-14/chapter-1/')).toEqual([]);
  });

  it('read the places of the body with their headings, and neither the 序言 nor the appendix', () => {
    const places = textPlaces(plan);
    expect(places.some((p) => p.text.includes('附表'))).toBe(false);
    expect(places.find((p) => p.href === '/part-4/chapter-3/#section-2')!.text.startsWith('二、加快建设一流国际人才社区')).toBe(true);
  });
});
