/**
 * The four reference formats, each read back by a parser that is not ours:
 * BibTeX and RIS by Citation.js (its BibTeX and RIS plugins turn them into
 * CSL data), CSL-JSON by JSON.parse and a check against the CSL data schema
 * (the variables, types and shapes of CSL 1.0.2 that a record can hold).
 * Each must give back the same title, issuer, date, pages and URL as the
 * GB/T 7714 reference built from the same record.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chapterSpots, citationRecord, citedWork, planSpot, type CitationRecord } from '../../src/site/cite/citation';
import { planPageSpans } from '../../src/site/plan/page-spans';
import { bibtex, cslJson, gbt7714, recordTitle, ris } from '../../src/site/cite/reference-formats';
import { servedUrl } from '../../src/site/client/served-url';
import { plan } from '../helpers/real-plan';

const at = { base: '/plan/' };
/** A spot's address as the browser shows it on a page served from https://example.org/plan/…. */
const served = <T extends { url: string }>(spot: T): T => ({ ...spot, url: servedUrl(spot.url, 'https://example.org/plan/') });
const work = citedWork(plan);
const section = served(chapterSpots(plan, planPageSpans(plan), 5, 3, at).find((s) => s.key === 'section-1')!);
const record = citationRecord(work, section, '2026-12-02');

/** CSL 1.0.2 item types. */
const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
] as const;
const cslDate = z.object({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2) }).strict();
const cslName = z.union([z.object({ family: z.string(), given: z.string().optional() }).strict(), z.object({ literal: z.string() }).strict()]);
/** The part of the CSL data schema a record uses: unknown variables are refused, not passed through. */
const cslItemSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    type: z.enum(CSL_TYPES),
    title: z.string(),
    author: z.array(cslName),
    publisher: z.string(),
    issued: cslDate,
    accessed: cslDate,
    page: z.string().optional(),
    URL: z.string().url(),
    language: z.string(),
  })
  .strict();

/** What a reference must carry, read from CSL data. */
function essentials(item: Record<string, unknown>) {
  const author = (item.author as { literal?: string; family?: string }[])[0]!;
  return {
    title: item.title,
    issuer: author.literal ?? author.family,
    issued: (item.issued as { 'date-parts': number[][] })['date-parts'][0]!.map(Number),
    page: item.page,
    URL: item.URL,
  };
}

const expected = (r: CitationRecord) => ({
  title: recordTitle(r),
  issuer: '北京市人民政府',
  issued: [2021, 1, 27],
  page: r.pages ? (r.pages.first === r.pages.last ? `${r.pages.first}` : `${r.pages.first}-${r.pages.last}`) : undefined,
  URL: r.url,
});

const parse = (text: string) => new Cite(text).data[0] as Record<string, unknown>;

describe('reference formats read back by independent parsers', () => {
  it('GB/T 7714 gives the pages as the standard writes them', () => {
    expect(gbt7714(record)).toBe(
      '北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第三章 一、增强企业创新内生动力[EB/OL]. (2021-01-27)[2026-12-02]: 58-60. https://example.org/plan/part-5/chapter-3/#section-1',
    );
  });

  for (const [name, r] of [
    ['a section', record],
    ['the whole plan (no pages)', citationRecord(work, served(planSpot('/', at)), '2026-12-02')],
    // Characters TeX and RIS treat specially survive the round trip.
    ['a title with TeX specials', { ...record, spot: '50%&#_$~^{甲}\\乙' }],
  ] as const) {
    it(`BibTeX of ${name}: same title, issuer, date, pages, URL and access date`, () => {
      const item = parse(bibtex(r));
      expect(essentials(item)).toEqual(expected(r));
      expect(item.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
      expect(item.id).toBe(r.id);
    });

    it(`RIS of ${name}: same title, issuer, date, pages, URL and access date`, () => {
      const item = parse(ris(r));
      expect(essentials(item)).toEqual(expected(r));
      expect(item.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
      expect(item.type).toBe('report');
    });

    it(`CSL-JSON of ${name}: valid CSL data with the same fields`, () => {
      const items = JSON.parse(cslJson(r)) as unknown[];
      expect(items).toHaveLength(1);
      const item = cslItemSchema.parse(items[0]);
      expect(essentials(item)).toEqual(expected(r));
      expect(item.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
    });
  }

  it('refuses a CSL item the schema does not allow (the check can fail)', () => {
    const item = JSON.parse(cslJson(record))[0];
    expect(() => cslItemSchema.parse({ ...item, type: 'government-plan' })).toThrow();
    expect(() => cslItemSchema.parse({ ...item, issued: '2021-01-27' })).toThrow();
  });
});
