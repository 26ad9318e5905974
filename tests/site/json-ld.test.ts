/**
 * The schema.org JSON-LD of the 篇 and 章 pages: checked against the
 * schema.org vocabulary (types exist, each property's domain covers the
 * node's types with their supertypes, values fit the ranges), with the
 * facts it states — place in the plan, pages, date, issuer, language —
 * compared with the model, and no development address in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { planPageJsonLd, type PlanTextPage } from '../../src/site/metadata/plan-json-ld';
import { ISSUER } from '../../src/site/cite/citation';
import { chapterKey, planPageSpans, type PlanPageSpans } from '../../src/site/plan/page-spans';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { chapterPath, partPath } from '../../src/site/site-paths';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { toString } from 'hast-util-to-string';
import { elementsOf, readPage } from './html';
import { loadSchemaVocabulary, validateJsonLd, type SchemaVocabulary } from './schema-org';

let vocab: SchemaVocabulary;
let plan: Plan;
let spans: PlanPageSpans;

beforeAll(() => {
  vocab = loadSchemaVocabulary();
  plan = readPlan();
  spans = planPageSpans(plan);
});

type Node = Record<string, unknown>;

/** The JSON-LD blocks of a page's HTML, parsed. */
function jsonLdOf(html: string): Node[] {
  // A script's text is raw: the browser decodes no character reference in it, so neither does this.
  return elementsOf(html, 'script[type="application/ld+json"]').map((script) => JSON.parse(toString(script)) as Node);
}

describe('the schema.org check itself', () => {
  it('finds the types and properties the pages use in the offline vocabulary', () => {
    for (const type of ['Legislation', 'Book', 'Chapter', 'GovernmentOrganization', 'AdministrativeArea']) expect(vocab.types.has(type), type).toBe(true);
    expect(vocab.properties.get('legislationPassedBy')?.domains).toContain('Legislation');
    expect(vocab.properties.get('pageStart')?.domains).toContain('Chapter');
  });

  it('catches an unknown type or property, a property outside its domain, a value outside its range and a dangling @id', () => {
    const doc = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@id': '/#a', '@type': 'Legislation', name: 'x', pageStart: 3, legislationDate: '27 January 2021' },
        { '@id': '/#b', '@type': 'Statute', name: 'y' },
        { '@id': '/#c', '@type': 'Chapter', isPartOf: { '@id': '/#nowhere' }, position: { '@type': 'Person', name: 'z' }, pageEnd: 1.5, colour: 'red' },
      ],
    };
    const problems = validateJsonLd(doc, vocab).join('\n');
    expect(problems).toMatch(/pageStart does not apply to Legislation/);
    expect(problems).toMatch(/legislationDate: "27 January 2021" fits none of Date/);
    expect(problems).toMatch(/Statute is not a schema.org type/);
    expect(problems).toMatch(/\/#nowhere names no node/);
    expect(problems).toMatch(/position: Person is none of/);
    expect(problems).toMatch(/pageEnd: 1.5 fits none of/);
    expect(problems).toMatch(/colour is not a schema.org property/);
  });
});

describe('JSON-LD of the plan pages', () => {
  const pages: PlanTextPage[] = [];
  let outDir: string;
  beforeAll(async () => {
    outDir = await ensureBuilt(DEFAULT_BUILD);
    for (const part of plan.parts) {
      pages.push({ kind: 'part', part: part.n });
      for (const chapter of part.chapters) pages.push({ kind: 'chapter', part: part.n, chapter: chapter.n });
    }
  });

  it('is on every 篇 and 章 page, valid schema.org, stating the page’s place, pages, date, issuer and language', () => {
    expect(pages.length).toBe(14 + 54);
    for (const page of pages) {
      const path = page.kind === 'part' ? partPath(page.part) : chapterPath(page.part, page.chapter);
      const blocks = jsonLdOf(readPage(outDir, path));
      expect(blocks.length, path).toBe(1);
      const doc = blocks[0]!;
      expect(validateJsonLd(doc, vocab), path).toEqual([]);
      const graph = doc['@graph'] as Node[];
      const node = graph.find((n) => n['@id'] === path)!;
      const planNode = graph.find((n) => n['@id'] === '/#plan')!;
      expect(node, path).toBeDefined();
      expect(planNode['name']).toBe(plan.title);
      expect(planNode['legislationDate']).toBe('2021-01-27');
      expect((planNode['legislationPassedBy'] as Node)['name']).toBe('北京市第十五届人民代表大会');
      expect(graph.find((n) => n['@id'] === (planNode['publisher'] as Node)['@id'])?.['name']).toBe(ISSUER);
      const part = plan.parts.find((p) => p.n === page.part)!;
      const span = page.kind === 'part' ? spans.parts.get(page.part)! : spans.chapters.get(chapterKey(page.part, page.chapter))!;
      expect([node['pageStart'], node['pageEnd']], path).toEqual([span.first, span.last]);
      expect(node['inLanguage']).toBe('zh-CN');
      expect(node['legislationDate']).toBe('2021-01-27');
      const partOf = [node['isPartOf']].flat() as Node[];
      expect(partOf.map((r) => r['@id'])).toContain('/#plan');
      if (page.kind === 'part') {
        expect(node['position']).toBe(page.part);
        expect(node['name']).toBe(`${part.label} ${part.title}`);
      } else {
        const chapter = part.chapters.find((c) => c.n === page.chapter)!;
        expect(node['position']).toBe(page.chapter);
        expect(node['name']).toBe(`${part.label} ${chapter.label} ${chapter.title}`);
        expect(partOf.map((r) => r['@id'])).toContain(partPath(page.part));
      }
      // Built without SITE_URL: no absolute address at all, so none from development.
      if (!process.env.SITE_URL) expect(JSON.stringify(doc), path).not.toMatch(/https?:\/\/(?!schema\.org)/);
    }
  });

  it('is not on pages that are not the plan’s text', () => {
    for (const path of ['/', '/full/', '/packages/', '/indicators/', '/search/']) expect(jsonLdOf(readPage(outDir, path)), path).toEqual([]);
  });

  it('gives absolute URLs, under the base path, only when the site’s address is known', () => {
    const doc = planPageJsonLd(plan, spans, { kind: 'chapter', part: 7, chapter: 4 }, { base: '/plan/', site: 'https://example.org' });
    expect(validateJsonLd(doc, vocab)).toEqual([]);
    const graph = doc['@graph'] as Node[];
    const chapter = graph.find((n) => n['@id'] === '/plan/part-7/chapter-4/')!;
    expect(chapter['url']).toBe('https://example.org/plan/part-7/chapter-4/');
    expect(graph.find((n) => n['@id'] === '/plan/#plan')!['url']).toBe('https://example.org/plan/');
    const bare = planPageJsonLd(plan, spans, { kind: 'chapter', part: 7, chapter: 4 }, { base: '/', site: null });
    expect(JSON.stringify(bare)).not.toContain('"url"');
  });
});
