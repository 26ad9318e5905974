/**
 * Citations: the printed pages each spot spans (a small model for each rule,
 * then the real plan against its table of contents), and the exact
 * GB/T 7714-2015 and "title — URL" strings for a chapter, a section, a box,
 * a package and a 篇 of the real plan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Chapter, Plan } from '../../src/convert/model';
import { packagesTableSchema } from '../../src/reviewed/packages-table';
import {
  PAGE_SPOT,
  approvalDate,
  chapterSpots,
  citeButtonLabel,
  citationRecord,
  citedWork,
  indicatorSpots,
  isoDate,
  packagePages,
  packageSpot,
  pageCitations,
  pageCitationsJson,
  partSpot,
  planSpot,
  readPageCitations,
  recordId,
  titleAndLink,
  type CitationSpot,
} from '../../src/site/cite/citation';
import { indicatorsTableSchema } from '../../src/reviewed/indicators-table';
import { indicatorsPlace } from '../../src/site/plan/block-places';
import { gbt7714 as gbtOf } from '../../src/site/cite/reference-formats';
import { chapterKey, pageSpanText, planPageSpans, sectionKey } from '../../src/site/plan/page-spans';
import { servedUrl } from '../../src/site/client/served-url';
import { plan, repoRoot } from '../helpers/real-plan';

const packages = packagesTableSchema.parse(JSON.parse(readFileSync(path.join(repoRoot, 'content/data/packages.json'), 'utf8')));
const indicators = indicatorsTableSchema.parse(JSON.parse(readFileSync(path.join(repoRoot, 'content/data/indicators.json'), 'utf8')));
const at = { base: '/plan/' };
/** A spot as the browser shows it on a page served from https://example.org/plan/…. */
const served = <T extends { url: string }>(spot: T): T => ({ ...spot, url: servedUrl(spot.url, 'https://example.org/plan/part-1/') });
const ACCESSED = '2026-11-27';
const gbt7714 = (work: ReturnType<typeof citedWork>, spot: CitationSpot, accessed: string) => gbtOf(citationRecord(work, served(spot), accessed));

const para = (...body: (string | { footer: number })[]): Block => ({ kind: 'paragraph', lead: null, body });
const chapterOf = (n: number, over: Partial<Chapter> = {}): Chapter => ({
  n, label: `第${n}章`, title: `章${n}`, page: 1, footerBefore: null, intro: [], sections: [], ...over,
});
const small = (chapters: Chapter[]): Plan => ({
  title: '纲要',
  approval: '2021年1月27日批准',
  preface: { title: '序言', blocks: [] },
  parts: [{ n: 1, label: '第一篇', title: '篇', page: 1, footerBefore: null, intro: [], chapters }],
  appendix: { label: '附表', title: '表', page: 3, footerBefore: null, blocks: [] },
});

describe('page spans', () => {
  it('starts a spot on the page of its heading and ends it on the page of its last character', () => {
    const spans = planPageSpans(
      small([
        chapterOf(1, {
          intro: [para('甲', { footer: 1 }, '乙')],
          sections: [
            { n: 1, label: '一、', title: '节', page: 2, footerBefore: null, blocks: [para('丙')] },
            // A break right before a heading opens the page the heading stands on.
            { n: 2, label: '二、', title: '节', page: 3, footerBefore: 2, blocks: [para('丁')] },
          ],
        }),
      ]),
    );
    expect(spans.chapters.get(chapterKey(1, 1))).toEqual({ first: 1, last: 3 });
    expect(spans.sections.get(sectionKey(1, 1, 1))).toEqual({ first: 2, last: 2 });
    expect(spans.sections.get(sectionKey(1, 1, 2))).toEqual({ first: 3, last: 3 });
    expect(spans.parts.get(1)).toEqual({ first: 1, last: 3 });
  });

  it('does not extend a spot to a page opened after its last character', () => {
    const spans = planPageSpans(small([chapterOf(1, { intro: [para('甲', { footer: 1 })] }), chapterOf(2, { intro: [para('乙')] })]));
    expect(spans.chapters.get(chapterKey(1, 1))).toEqual({ first: 1, last: 1 });
    expect(spans.chapters.get(chapterKey(1, 2))).toEqual({ first: 2, last: 2 });
  });

  it('spans a box from its own page break to its last item', () => {
    const box: Block = { kind: 'box', n: 4, footerBefore: 1, label: '专栏4', title: '计划', intro: ['导语'], items: [{ lead: ['项。'], body: ['文', { footer: 2 }, '字'] }] };
    const spans = planPageSpans(small([chapterOf(1, { intro: [para('甲'), box] })]));
    expect(spans.boxes.get(4)).toEqual({ first: 2, last: 3 });
  });

  it('agrees with the table of contents of the real plan on the page of every heading', () => {
    const spans = planPageSpans(plan);
    for (const part of plan.parts) {
      expect(spans.parts.get(part.n)!.first, part.label).toBe(part.page);
      for (const chapter of part.chapters) {
        const span = spans.chapters.get(chapterKey(part.n, chapter.n))!;
        expect(span.first, `${part.label}${chapter.label}`).toBe(chapter.page);
        expect(span.last).toBeGreaterThanOrEqual(span.first);
        for (const section of chapter.sections) {
          const s = spans.sections.get(sectionKey(part.n, chapter.n, section.n))!;
          expect(s.first, `${part.label}${chapter.label}${section.label}`).toBe(section.page);
          expect(s.first).toBeGreaterThanOrEqual(span.first);
          expect(s.last).toBeLessThanOrEqual(span.last);
        }
      }
    }
    // Each chapter ends on the page the next one starts on, or the page before.
    const chapters = plan.parts.flatMap((p) => p.chapters.map((c) => spans.chapters.get(chapterKey(p.n, c.n))!));
    chapters.slice(1).forEach((span, i) => expect(span.first - chapters[i]!.last).toBeOneOf([0, 1]));
  });

  it('writes one page or a span as a citation does', () => {
    expect(pageSpanText({ first: 150, last: 150 })).toBe('150');
    expect(pageSpanText({ first: 150, last: 151 })).toBe('150-151');
  });
});

describe('citation strings', () => {
  const work = citedWork(plan);
  const spans = planPageSpans(plan);
  const spots = chapterSpots(plan, spans, 5, 3, at).map(served);
  const spot = (key: string) => spots.find((s) => s.key === key)!;

  it('carries a page\'s citation data without each spot\'s key, without its path where that is the page\'s with #key, and without its url where that is its path, and reads it back whole', () => {
    for (const base of ['/', '/plan/']) {
      const data = pageCitations(plan, chapterSpots(plan, spans, 5, 3, { base }));
      const json = pageCitationsJson(data);
      expect(readPageCitations(json)).toEqual(data);
      expect(json).not.toContain('"key"');
      // Only the page's own spot names its path.
      expect(json.match(/"path"/g)).toHaveLength(1);
      expect(json.includes('"url"'), base).toBe(base !== '/');
    }
  });

  it('cites the plan by its issuer, full title and date of approval', () => {
    expect(work).toEqual({ issuer: '北京市人民政府', title: plan.title, published: '2021-01-27' });
    expect(approvalDate('2021年1月27日北京市第十五届人民代表大会第四次会议批准')).toBe('2021-01-27');
    expect(() => approvalDate('批准')).toThrow();
  });

  it('gives a chapter, a section and a box the exact GB/T 7714-2015 reference', () => {
    expect(gbt7714(work, spot(PAGE_SPOT), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 强化企业创新主体地位[EB/OL]. (2021-01-27)[2026-11-27]: 58-61. https://example.org/plan/part-5/chapter-3/',
    );
    expect(gbt7714(work, spot('section-1'), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 一、增强企业创新内生动力[EB/OL]. (2021-01-27)[2026-11-27]: 58-60. https://example.org/plan/part-5/chapter-3/#section-1',
    );
    expect(gbt7714(work, spot('box-3'), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 专栏3 小微企业协同创新星火计划[EB/OL]. (2021-01-27)[2026-11-27]: 59. https://example.org/plan/part-5/chapter-3/#box-3',
    );
  });

  it('gives a package and a 篇 the exact reference too', () => {
    expect(gbt7714(work, packageSpot(plan, packages, 5, at), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 附表 5.京津冀协同发展重大工程包[EB/OL]. (2021-01-27)[2026-11-27]: 217. https://example.org/plan/packages/5/',
    );
    expect(gbt7714(work, partSpot(plan, spans, 5, at), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 加快建设国际科技创新中心[EB/OL]. (2021-01-27)[2026-11-27]: 46-64. https://example.org/plan/part-5/',
    );
  });

  it('cites the whole plan without pages, and the indicators table and each row on its printed page', () => {
    expect(gbt7714(work, planSpot('/full/', at), ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要[EB/OL]. (2021-01-27)[2026-11-27]. https://example.org/plan/full/',
    );
    const place = indicatorsPlace(plan);
    const [table, ...rows] = indicatorSpots(place, indicators, '/part-1/chapter-3/', 'indicators', at);
    expect(gbt7714(work, table!, ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: “十四五”时期经济社会发展主要指标[EB/OL]. (2021-01-27)[2026-11-27]: 13-14. https://example.org/plan/part-1/chapter-3/#indicators',
    );
    expect(rows).toHaveLength(25);
    expect(gbt7714(work, rows[7]!, ACCESSED)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 主要指标 第8项 细颗粒物年均浓度[EB/OL]. (2021-01-27)[2026-11-27]: 14. https://example.org/plan/part-1/chapter-3/#indicators-8',
    );
    // The curated break stands after row 3: rows 1–3 on page 13, the rest on 14; a row of two measures is named by its label.
    expect(rows.map((r) => r.pages!.first)).toEqual([13, 13, 13, ...Array(22).fill(14)]);
    expect(rows[8]!.name).toBe('主要指标 第9项 绿化');
    // On its own page the table is the page's spot.
    const own = indicatorSpots(place, indicators, '/indicators/', PAGE_SPOT, at);
    expect([own[0]!.key, own[0]!.url, own[8]!.url]).toEqual([PAGE_SPOT, '/plan/indicators/', '/plan/indicators/#indicators-8']);
  });

  it('keys each record by its path', () => {
    expect(recordId('/part-5/chapter-3/#section-1')).toBe('beijing-plan-2021-part-5-chapter-3-section-1');
    expect(recordId('/')).toBe('beijing-plan-2021');
  });

  it('gives the plain "title — URL" line', () => {
    expect(titleAndLink(work, served(spot('section-2')))).toBe(
      '《北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》第五篇 第三章 二、支持产学研协同创新 — https://example.org/plan/part-5/chapter-3/#section-2',
    );
  });

  it('lists the spots of a chapter in reading order: the chapter, then sections with their boxes', () => {
    expect(spots.map((s) => s.key)).toEqual([PAGE_SPOT, 'section-1', 'box-3', 'section-2']);
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        const keys = chapterSpots(plan, spans, part.n, chapter.n, at).map((s) => s.key);
        expect(keys.filter((k) => k.startsWith('section-'))).toEqual(chapter.sections.map((s) => `section-${s.n}`));
      }
    }
  });

  it('puts every package on the page its row stands on, from the curated page breaks', () => {
    // Footer 215 stands before the 附表; breaks after rows 4 and 6 turn pages 217 and 218.
    expect(packages.packages.map((p) => packagePages(plan, packages, p.no).first)).toEqual([216, 216, 216, 216, 217, 217, 218, 218, 218, 218]);
    for (const p of packages.packages) expect(packagePages(plan, packages, p.no).last).toBe(packagePages(plan, packages, p.no).first);
  });

  it('gives each spot its path under the deployment base, made absolute where the page is served; dates in the reader’s calendar', () => {
    expect(partSpot(plan, spans, 1, { base: '/' }).url).toBe('/part-1/');
    expect(packageSpot(plan, packages, 5, { base: '/plan' }).url).toBe('/plan/packages/5/');
    expect(chapterSpots(plan, spans, 5, 3, at).map((s) => s.url)).toContain('/plan/part-5/chapter-3/#box-3');
    expect(servedUrl('/plan/part-5/chapter-3/#box-3', 'http://10.0.0.7:8080/plan/packages/?q=1#x')).toBe('http://10.0.0.7:8080/plan/part-5/chapter-3/#box-3');
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('names each control after its spot', () => {
    expect(citeButtonLabel('section', '一、增强企业创新内生动力')).toBe('引用本节：一、增强企业创新内生动力');
    expect(citeButtonLabel('box', '专栏3小微企业协同创新星火计划')).toBe('引用本专栏：专栏3小微企业协同创新星火计划');
  });
});
