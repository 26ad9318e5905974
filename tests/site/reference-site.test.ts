/**
 * The citing and reuse tools in the built site: every data file under /data/
 * valid against its schema and listed with its fields on /data/; the term
 * index on /terms/ with a working link to every occurrence (each text
 * fragment's first match in the built page is that occurrence); each 篇 and
 * 章 page listing its terms; the 引用 controls of every chapter, section,
 * box and package with the citation data of exactly those spots.
 */
import { parseCsv } from '../helpers/csv.ts';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { packagesTableSchema } from '../../src/reviewed/packages-table';
import { occurrencePage, occurrencePath, quotedTermIndex, type QuotedTermIndex } from '../../src/site/terms/quoted-terms';
import { PAGE_SPOT, boxListSpots, chapterSpots, indicatorSpots, packageSpot, pageCitations, partSpot, planSpot, readPageCitations, type PageCitations } from '../../src/site/cite/citation';
import { indicatorsTableSchema } from '../../src/reviewed/indicators-table';
import { indicatorsPlace } from '../../src/site/plan/block-places';
import { planPageSpans } from '../../src/site/plan/page-spans';
import { SITE_TITLE } from '../../src/site/plan/plan-nav';
import { boxRecords, dataFiles, indicatorRecordSchema, sourceFigures, termRecords, type DataFile } from '../../src/site/data/data-files';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { describeSchema } from '../../src/site/data/schema-fields';
import { groupByInitial, termsOnPage } from '../../src/site/terms/term-listings';
import { firstMatch } from '../../src/site/cite/text-fragment';
import { DATA_INDEX_PATH, TERMS_PATH, chapterPath, packagePath, partPath } from '../../src/site/site-paths';
import { DEFAULT_BUILD, ROOT, ensureBuilt } from './build-site';
import { toString } from 'hast-util-to-string';
import { attributeOf, attributeValues, attributesOf, elementText, elementsIn, elementsOf, fileForPath, idsOf, listItemsById, readPage, sourceOf, textContent } from './html';
import { nextTurn } from './next-turn';
import { pageBlocks } from './page-blocks';

let outDir: string;
let plan: Plan;
let index: QuotedTermIndex;
let DATA_FILES: DataFile[];

const packages = packagesTableSchema.parse(JSON.parse(readFileSync(`${ROOT}/content/data/packages.json`, 'utf8')));
const indicators = indicatorsTableSchema.parse(JSON.parse(readFileSync(`${ROOT}/content/data/indicators.json`, 'utf8')));

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
  index = quotedTermIndex(plan, { navigation: [SITE_TITLE] });
  DATA_FILES = dataFiles(sourceFigures(plan, indicators, packages));
});
const readData = (path: string) => readFileSync(fileForPath(outDir, path), 'utf8');

describe('data files', () => {
  it('validates every file under /data/ against its schema', () => {
    for (const file of DATA_FILES) {
      const text = readData(file.path);
      if (file.format === 'JSON') {
        const result = file.schema.safeParse(JSON.parse(text));
        expect(result.error?.issues ?? [], file.path).toEqual([]);
      } else {
        expect(text.startsWith('\uFEFF'), 'byte-order mark').toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
        const [header, ...rows] = parseCsv(text.slice(1));
        const fields = Object.keys(indicatorRecordSchema(sourceFigures(plan, indicators, packages)).shape);
        expect(header).toEqual(fields);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          const record = Object.fromEntries(fields.map((f, i) => [f, row[i]]));
          const typed = { ...record, no: Number(record.no), group: record.group === '' ? null : record.group };
          const result = file.schema.safeParse(typed);
          expect(result.error?.issues ?? [], row.join(',')).toEqual([]);
        }
      }
    }
  });

  it('catches a file that does not match its schema', () => {
    const boxes = DATA_FILES.find((f) => f.path === '/data/boxes.json')!;
    const records = JSON.parse(readData(boxes.path)) as Record<string, unknown>[];
    expect(boxes.schema.safeParse(records).success).toBe(true);
    const broken = records.map((r, i) => (i === 3 ? { ...r, pages: { first: 0, last: 59 } } : r));
    expect(boxes.schema.safeParse(broken).success).toBe(false);
    const terms = DATA_FILES.find((f) => f.path === '/data/terms.json')!;
    const termData = JSON.parse(readData(terms.path)) as { id: string }[];
    expect(terms.schema.safeParse(termData.map((t, i) => (i === 0 ? { ...t, id: 'two-areas' } : t))).success).toBe(false);
  });

  it('publishes the boxes with their text and pages, and the term index, as the model gives them', () => {
    const boxes = JSON.parse(readData('/data/boxes.json'));
    expect(boxes).toEqual(boxRecords(plan, planPageSpans(plan), '/'));
    expect(boxes.map((b: { n: number }) => b.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const box of boxes as { url: string }[]) {
      const [page, id] = box.url.split('#');
      expect(idsOf(readPage(outDir, page!)), box.url).toContain(id);
    }
    expect(JSON.parse(readData('/data/terms.json'))).toEqual(termRecords(index.terms, '/'));
  });

  it('lists every file on /data/ with a link and each field of each of its types', () => {
    const html = readPage(outDir, DATA_INDEX_PATH);
    const hrefs = attributeValues(html, 'href');
    for (const file of DATA_FILES) {
      expect(hrefs, file.path).toContain(file.path);
      expect(html, file.id).toContain(`id="${file.id}"`);
      // The schema, for developers, lower down.
      const offsetOf = (id: string) => elementsOf(html, `[id="${id}"]`)[0]?.position?.start.offset ?? -1;
      expect(offsetOf(`${file.id}-schema`), file.id).toBeGreaterThan(offsetOf(file.id));
      const [schema] = elementsOf(html, `section[aria-labelledby="${file.id}-schema"]`);
      const section = sourceOf(html, schema!);
      const codes = elementsOf(section, 'code').map((code) => toString(code));
      // Each field a row: its name (a row header) and type in code, then its note.
      const rows = elementsOf(section, 'tr:has(th[scope="row"] > code)').map((tr) => elementsIn(tr, 'th, td').map((cell) => [toString(cell), elementsIn(cell, 'code').length]));
      for (const type of describeSchema(file.schema, file.names, file.notes).types) {
        expect(codes, `${file.path} ${type.name}`).toContain(type.name);
        if (type.kind === 'object') {
          for (const field of type.fields) {
            expect(field.note, `${type.name}.${field.name} has no note`).not.toBe('');
            expect(rows, `${type.name}.${field.name}`).toContainEqual([[field.name, 1], [field.type, 1], [field.note, 0]]);
          }
        }
      }
    }
  });
});

describe('term index', () => {
  it('has an entry for every term with its count and a link to each occurrence, grouped by initial', () => {
    const html = readPage(outDir, TERMS_PATH);
    // The page is parsed once; each entry is read from that tree.
    const ids = idsOf(html);
    const entries = listItemsById(html);
    const initials = elementsOf(html, 'h2[id^="initial-"]');
    let last = -1;
    const groups = groupByInitial(index.terms);
    expect(groups.map((g) => g.initial).join('')).toMatch(/^[A-Z]+#?$/);
    for (const term of groups.flatMap((g) => g.terms)) {
      expect(ids, term.term).toContain(term.id);
      const entry = entries.get(term.id);
      expect(entry, `no list item holds #${term.id}`).toBeDefined();
      const holder = attributeOf(entry!, 'id') === term.id ? entry! : elementsIn(entry!, `[id="${term.id}"]`)[0]!;
      const start = holder.position!.start.offset!;
      expect(elementsIn(entry!, 'span.term-name').map(elementText)).toContain(term.term);
      expect(toString(entry!)).toContain(`${term.count}处`);
      const links = elementsIn(entry!, '[href]').map((a) => attributeOf(a, 'href'));
      expect(links, term.term).toEqual(term.occurrences.map((o) => occurrencePath(term.term, o)));
      // Entries follow the groups' order (A–Z, then digits) and, inside, the index order.
      expect(start, term.term).toBeGreaterThan(last);
      last = start;
      const headings = initials.filter((h) => h.position!.start.offset! < start);
      expect(attributeOf(headings.at(-1)!, 'id'), term.term).toBe(`initial-${term.initial === '#' ? 'other' : term.initial}`);
    }
    expect(html).toContain(`${index.terms.length} 个`);
    const text = textContent(html);
    for (const omitted of index.omitted) expect(text).toContain(omitted.term);
  });

  it('leads each text fragment to its occurrence: its first match in the built page is that occurrence', async () => {
    // Each page is read and parsed once, however many occurrences it holds.
    const idsOn = new Map<string, Set<string>>();
    const blocksOf = new Map<string, ReturnType<typeof pageBlocks>>();
    let checked = 0;
    for (const term of index.terms) {
      await nextTurn();
      term.occurrences.forEach((o) => {
        const page = occurrencePage(o);
        const path = occurrencePath(term.term, o);
        const id = (path.split('#')[1] ?? '').split(':~:')[0]!;
        if (id) {
          if (!idsOn.has(page)) idsOn.set(page, new Set(idsOf(readPage(outDir, page))));
          expect(idsOn.get(page)!.has(id), `${path}: no element has id ${id}`).toBe(true);
        }
        if (!o.fragment) return;
        if (!blocksOf.has(page)) blocksOf.set(page, pageBlocks(readPage(outDir, page)));
        const blocks = blocksOf.get(page)!;
        const match = firstMatch(
          blocks.map((b) => b.text),
          { prefix: o.prefix, start: term.term, end: '', suffix: o.suffix },
        );
        expect(match, `${term.term} ${decodeURIComponent(path)}`).not.toBeNull();
        expect(blocks[match!.startBlock]!.plan, `${term.term} ${decodeURIComponent(path)} matches site text first`).toBe(true);
        // Which occurrence of the term in the page's plan text the match is, and which it should be.
        let k = 0;
        for (let b = 0; b < match!.startBlock; b++) if (blocks[b]!.plan) k += blocks[b]!.text.split(term.term).length - 1;
        k += blocks[match!.startBlock]!.text.slice(0, match!.start).split(term.term).length - 1;
        const onPage = term.occurrences.filter((x) => occurrencePage(x) === page);
        expect(k, `${term.term} ${decodeURIComponent(path)}`).toBe(onPage.indexOf(o));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('lists at the end of each 篇 and 章 page the terms its text holds, linking to their entries', async () => {
    const termIds = new Set(idsOf(readPage(outDir, TERMS_PATH)));
    const pages = plan.parts.flatMap((part) => [
      { path: partPath(part.n), terms: termsOnPage(index.terms, part.n, null) },
      ...part.chapters.map((c) => ({ path: chapterPath(part.n, c.n), terms: termsOnPage(index.terms, part.n, c.n) })),
    ]);
    expect(pages.filter((p) => p.terms.length > 0).length).toBeGreaterThan(40);
    for (const { path, terms } of pages) {
      await nextTurn();
      const html = readPage(outDir, path);
      const navs = elementsOf(html, 'nav.page-terms');
      if (terms.length === 0) {
        expect(navs, path).toEqual([]);
        continue;
      }
      expect(navs, path).toHaveLength(1);
      const nav = sourceOf(html, navs[0]!);
      const links = attributeValues(nav, 'href').filter((href) => href.startsWith(`${TERMS_PATH}#`));
      expect(links, path).toEqual(terms.map((t) => `${TERMS_PATH}#${t.id}`));
      for (const link of links) expect(termIds).toContain(link.split('#')[1]);
      // Site UI: after the plan's text, and not part of it.
      expect(elementsOf(html, '[data-nontext] nav.page-terms, nav.page-terms[data-nontext]'), path).toEqual(navs);
      expect(navs[0]!.position!.start.offset!, path).toBeGreaterThan(elementsOf(html, '.sl-markdown-content')[0]!.position!.start.offset!);
    }
  });
});

describe('引用 controls', () => {
  const citationData = (html: string): PageCitations =>
    readPageCitations(toString(elementsOf(html, 'script[type="application/json"][id="cite-data"]')[0]!));
  /** The 引用 buttons of a page, as attribute maps. */
  const buttons = (html: string) =>
    elementsOf(html, 'button.cite-button[type="button"]')
      .filter((button) => toString(button) === '引用')
      .map(attributesOf);

  it('gives every chapter, section and box a control (and the indicators table and its rows in 第一篇第三章), and the page the citation data of exactly those spots', async () => {
    const spans = planPageSpans(plan);
    const table = indicatorsPlace(plan);
    let count = 0;
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        await nextTurn();
        const path = chapterPath(part.n, chapter.n);
        const html = readPage(outDir, path);
        const data = citationData(html);
        const at = { base: '/' };
        const holdsTable = table.part.n === part.n && table.chapter.n === chapter.n;
        const spots = [...chapterSpots(plan, spans, part.n, chapter.n, at), ...(holdsTable ? indicatorSpots(table, indicators, path, 'indicators', at) : [])];
        expect(data, path).toEqual(pageCitations(plan, spots));
        const keys = buttons(html).map((attrs) => attrs['data-cite']);
        expect(keys, path).toEqual(spots.map((s) => s.key));
        for (const attrs of buttons(html)) {
          expect(attrs['data-nontext']).toBe('');
          expect(attrs['aria-label']).toMatch(/^引用本(章|节|专栏|表|项指标)：\S/);
          expect(attrs['aria-controls']).toBe('cite-panel');
        }
        // The build names no origin: the page spot's address is the page's own path (the browser adds where it is served).
        expect(data.spots[PAGE_SPOT]!.url).toBe(path);
        count += spots.length;
      }
    }
    expect(count).toBe(54 + 163 + 10 + 1 + 25);
  });

  it('gives every 篇 and package page, / and /full/ (the whole plan), /indicators/ and each entry of /boxes/ their controls', () => {
    const spans = planPageSpans(plan);
    for (const part of plan.parts) {
      const html = readPage(outDir, partPath(part.n));
      expect(citationData(html)).toEqual(pageCitations(plan, [partSpot(plan, spans, part.n, { base: '/' })]));
      expect(buttons(html)).toHaveLength(1);
    }
    for (const p of packages.packages) {
      const html = readPage(outDir, packagePath(p.no));
      expect(citationData(html)).toEqual(pageCitations(plan, [packageSpot(plan, packages, p.no, { base: '/' })]));
      expect(buttons(html)).toHaveLength(1);
    }
    for (const path of ['/', '/full/']) {
      const html = readPage(outDir, path);
      expect(citationData(html), path).toEqual(pageCitations(plan, [planSpot(path, { base: '/' })]));
      // One control, at the title: the tables shown on /full/ cite nothing of their own.
      expect(buttons(html), path).toHaveLength(1);
    }
    const indicatorsHtml = readPage(outDir, '/indicators/');
    const own = indicatorSpots(indicatorsPlace(plan), indicators, '/indicators/', PAGE_SPOT, { base: '/' });
    expect(citationData(indicatorsHtml)).toEqual(pageCitations(plan, own));
    expect(buttons(indicatorsHtml)).toHaveLength(1 + 25);
    const boxesHtml = readPage(outDir, '/boxes/');
    expect(citationData(boxesHtml)).toEqual(pageCitations(plan, boxListSpots(plan, spans, { base: '/' })));
    expect(buttons(boxesHtml)).toHaveLength(10);
  });
});
