/**
 * References to a spot of the plan — the whole plan, a 篇, a 章, a section, a
 * 专栏 box, the main-indicators table or one of its rows, or a 重大工程包 —
 * as one record (`CitationRecord`), which reference-formats.ts writes out in
 * GB/T 7714-2015, RIS, BibTeX and CSL-JSON, and the page head as Highwire
 * Press `citation_*` tags.
 *
 *     北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第二章 一、聚焦中关村科学城[EB/OL]. (2021-01-27)[2026-11-27]: 52-53. https://example.org/part-5/chapter-2/#section-1
 *
 * What the record holds: the body responsible (the plan was approved by the
 * municipal People's Congress and issued by the municipal government, which
 * is its author as a document: `ISSUER`); the plan's title, and the spot as
 * "other title information"; the date of publication (the date of approval,
 * 2021-01-27); the date the reader accessed it; the printed pages the spot
 * spans (the pages a citation of the printed plan would give; none for the
 * whole plan); the stable URL with its anchor.
 *
 * Pure: the page pieces from the model at build time, the date and the
 * address from the reader's browser at the moment of copying. The build
 * knows a spot's path only (with the deployment base); the browser makes it
 * absolute against the address the page is actually served from
 * (src/site/client/served-url.ts), so a copy served anywhere cites itself.
 */
import type { Plan } from '../../convert/model';
import { isBox, planBlocks } from '../../convert/plan-walk';
import { pageSteps } from '../plan/page-steps';
import type { PackagesTable } from '../../reviewed/packages-table';
import { lastPage, pageAfterFooter } from '../../convert/printed-pages';
import type { IndicatorsTable } from '../../reviewed/indicators-table';
import { chapterKey, sectionKey, type PageSpan, type PlanPageSpans } from '../plan/page-spans';
import { INDICATORS_TABLE_ID, boxId, chapterPath, packagePath, partPath, sectionId, stepPagePath, withBase } from '../site-paths';

/** The author of the plan as a document: it was issued by the municipal government. */
export const ISSUER = '北京市人民政府';

/** The anchor key of a whole page's spot (the id of its h1, where the page begins). */
export const PAGE_SPOT = '_top';

/** What a spot is. */
export type SpotKind = 'plan' | 'part' | 'chapter' | 'section' | 'box' | 'table' | 'row' | 'package';

/** One citable spot, as the build hands it to the page. */
export interface CitationSpot {
  /** The id of the element the spot's 引用 control belongs to: `_top` for the page itself, `section-3`, `box-7`. */
  key: string;
  kind: SpotKind;
  /** How the reference names it: `第五篇 第二章 一、聚焦中关村科学城`, `专栏7 低碳领跑者计划`; empty for the whole plan. */
  name: string;
  /** The printed pages it spans; null for the whole plan. */
  pages: PageSpan | null;
  /** Its site path with the anchor, without the deployment base: `/part-5/chapter-2/#section-1`. */
  path: string;
  /**
   * The spot's address with its anchor: in the page's data, root-relative with
   * the deployment base (`/plan/part-5/chapter-2/#section-1`); the browser
   * makes it absolute (`servedUrl`) before a reference is shown or copied.
   */
  url: string;
}

/** The plan as the work cited. */
export interface CitedWork {
  issuer: string;
  title: string;
  /** Date of publication, `YYYY-MM-DD`: the date of approval. */
  published: string;
}

/** `2021年1月27日北京市…批准` → `2021-01-27`. */
export function approvalDate(approval: string): string {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(approval);
  if (!match) throw new Error(`no date at the start of the approval line: ${approval}`);
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** The plan as cited: issuer, full title, date of approval. */
export function citedWork(plan: Plan): CitedWork {
  return { issuer: ISSUER, title: plan.title, published: approvalDate(plan.approval) };
}

/** A date as GB/T 7714 writes it, `YYYY-MM-DD`, in the reader's own calendar day. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The record every reference format is written from (reference-formats.ts). */
export interface CitationRecord {
  /** A key for reference managers, from the spot's path: `beijing-plan-2021-part-5-chapter-3-section-1`. */
  id: string;
  issuer: string;
  /** The plan's full title. */
  title: string;
  /** The spot as other title information; empty for the whole plan. */
  spot: string;
  /** `YYYY-MM-DD`: the date of approval. */
  published: string;
  /** `YYYY-MM-DD`: the reader's today. */
  accessed: string;
  pages: PageSpan | null;
  url: string;
  /** ISO 639-1 code of the text. */
  language: 'zh';
}

/** Prefix of every record id. */
const RECORD_ID = 'beijing-plan-2021';

/** The record id of a site path: `/part-5/chapter-3/#section-1` → `beijing-plan-2021-part-5-chapter-3-section-1`. */
export function recordId(path: string): string {
  const words = path.split(/[/#]+/).filter(Boolean);
  return [RECORD_ID, ...words].join('-');
}

/** The record of `spot`, accessed on `accessed` (`YYYY-MM-DD`), at `url` (the spot's own URL unless given). */
export function citationRecord(work: CitedWork, spot: CitationSpot, accessed: string, url: string = spot.url): CitationRecord {
  return {
    id: recordId(spot.path),
    issuer: work.issuer,
    title: work.title,
    spot: spot.name,
    published: work.published,
    accessed,
    pages: spot.pages,
    url,
    language: 'zh',
  };
}

/** The plain line: the title in 《》 with the spot, a dash, the URL. */
export function titleAndLink(work: CitedWork, spot: CitationSpot, url: string = spot.url): string {
  return `《${work.title}》${spot.name} — ${url}`;
}

/** Where a site is deployed: the path it is served under (the origin is the browser's to know). */
export interface Deployment {
  /** BASE_PATH, e.g. `/` or `/plan/`. */
  base: string;
}

/** A spot at site path `page` (with `anchor`, if any), its URL on deployment `at`. */
function spotAt(at: Deployment, page: string, anchor: string, spot: Omit<CitationSpot, 'path' | 'url'>): CitationSpot {
  const path = anchor ? `${page}#${anchor}` : page;
  return { ...spot, path, url: withBase(path, at.base) };
}

/** The whole plan, cited from the page at `page` (`/`, `/full/`): no spot, no pages. */
export function planSpot(page: string, at: Deployment): CitationSpot {
  return spotAt(at, page, '', { key: PAGE_SPOT, kind: 'plan', name: '', pages: null });
}

/** The spot of a 篇 page: the 篇 from its heading to the end of its last 章. */
export function partSpot(plan: Plan, spans: PlanPageSpans, part: number, at: Deployment): CitationSpot {
  const p = plan.parts.find((x) => x.n === part);
  if (!p) throw new Error(`plan.json has no 篇 ${part}`);
  return spotAt(at, partPath(p.n), '', { key: PAGE_SPOT, kind: 'part', name: `${p.label} ${p.title}`, pages: spans.parts.get(p.n)! });
}

/** The spot of box `n` at its place in its chapter (`/part-5/chapter-3/#box-3`), under `key`. */
function boxSpot(plan: Plan, spans: PlanPageSpans, n: number, at: Deployment, key: string): CitationSpot {
  const step = [...planBlocks(plan, isBox)].find((s) => s.node.n === n && s.chapter !== null);
  if (!step) throw new Error(`plan.json has no 专栏${n}`);
  const box = step.node;
  return spotAt(at, stepPagePath(step), boxId(n), { key, kind: 'box', name: `${box.label} ${box.title}`, pages: spans.boxes.get(n)! });
}

/** The spots of /boxes/: each box, under its id there, cited at its place in its chapter. */
export function boxListSpots(plan: Plan, spans: PlanPageSpans, at: Deployment): CitationSpot[] {
  return [...spans.boxes.keys()].sort((a, b) => a - b).map((n) => boxSpot(plan, spans, n, at, boxId(n)));
}

/** The spots of a 章 page: the 章 itself, each section, each box, in reading order. */
export function chapterSpots(plan: Plan, spans: PlanPageSpans, part: number, chapter: number, at: Deployment): CitationSpot[] {
  const p = plan.parts.find((x) => x.n === part);
  const c = p?.chapters.find((x) => x.n === chapter);
  if (!p || !c) throw new Error(`plan.json has no 章 ${chapter} in 篇 ${part}`);
  const page = chapterPath(p.n, c.n);
  const spots: CitationSpot[] = [
    spotAt(at, page, '', { key: PAGE_SPOT, kind: 'chapter', name: `${p.label} ${c.label} ${c.title}`, pages: spans.chapters.get(chapterKey(p.n, c.n))! }),
  ];
  for (const step of pageSteps(plan, page)) {
    if (step.type === 'section') {
      const s = step.node;
      const key = sectionId(s.n);
      spots.push(spotAt(at, page, key, { key, kind: 'section', name: `${p.label} ${c.label} ${s.label}${s.title}`, pages: spans.sections.get(sectionKey(p.n, c.n, s.n))! }));
    } else if (step.type === 'block' && isBox(step.node)) spots.push(boxSpot(plan, spans, step.node.n, at, boxId(step.node.n)));
  }
  return spots;
}

/**
 * The printed page of a row of a curated table: the table begins on
 * `firstPage`, and each curated page break (which stands between two rows,
 * after row `afterNo`) turns a page. A row never spans a break, so it lies
 * on one page.
 */
export function rowPage(firstPage: number, pageBreaks: readonly { afterNo: number }[], no: number): PageSpan {
  const page = firstPage + pageBreaks.filter((pb) => pb.afterNo < no).length;
  return { first: page, last: page };
}

/** The printed page of a row of the 附表, which begins on the page after its `footerBefore`. */
export function packagePages(plan: Plan, table: PackagesTable, no: number): PageSpan {
  return rowPage(pageAfterFooter(plan.appendix.footerBefore ?? 0, lastPage(plan)) ?? plan.appendix.page, table.pageBreaks, no);
}

/** The spot of a /packages/N/ page. */
export function packageSpot(plan: Plan, table: PackagesTable, no: number, at: Deployment): CitationSpot {
  const pkg = table.packages.find((p) => p.no === no);
  if (!pkg) throw new Error(`no package ${no} in the 附表`);
  return spotAt(at, packagePath(no), '', { key: PAGE_SPOT, kind: 'package', name: `${plan.appendix.label} ${pkg.name}`, pages: packagePages(plan, table, no) });
}

/** How a reference names a row of the main indicators: `主要指标 第8项 细颗粒物年均浓度` (a row of two measures by its shared label). */
export function indicatorRowName(row: IndicatorsTable['categories'][number]['rows'][number]): string {
  return `主要指标 第${row.no}项 ${row.label ?? row.measures[0]!.name}`;
}

/** Id of row `no` of the main-indicators table (as IndicatorsTable.astro renders it). */
export const indicatorRowId = (no: number): string => `${INDICATORS_TABLE_ID}-${no}`;

/**
 * The spots of the main-indicators table shown on the page at `page` (its own
 * page or 第一篇第三章): the table (under `tableKey`, anchored at the table)
 * and each row, with the printed pages from the curated page breaks.
 */
export function indicatorSpots(
  place: { firstPage: number; lastPage: number },
  table: IndicatorsTable,
  page: string,
  tableKey: string,
  at: Deployment,
): CitationSpot[] {
  const whole = spotAt(at, page, tableKey === PAGE_SPOT ? '' : INDICATORS_TABLE_ID, {
    key: tableKey, kind: 'table', name: table.caption, pages: { first: place.firstPage, last: place.lastPage },
  });
  const rows = table.categories.flatMap((c) => c.rows).map((row) =>
    spotAt(at, page, indicatorRowId(row.no), { key: indicatorRowId(row.no), kind: 'row', name: indicatorRowName(row), pages: rowPage(place.firstPage, table.pageBreaks, row.no) }),
  );
  return [whole, ...rows];
}

/** What a page hands its 引用 controls: the work, and its spots by key. */
export interface PageCitations {
  work: CitedWork;
  spots: Record<string, CitationSpot>;
}

/** The citation data of a page with these spots. */
export function pageCitations(plan: Plan, spots: readonly CitationSpot[]): PageCitations {
  return { work: citedWork(plan), spots: Object.fromEntries(spots.map((s) => [s.key, s])) };
}

/**
 * A spot as a page's data block carries it: without its key, without its path
 * where that is the page's own with `#key` (the `_top` spot's path, then the
 * key), and without its url where that is its path.
 */
type CarriedSpot = Omit<CitationSpot, 'key' | 'url' | 'path'> & { path?: string; url?: string };

/** The path a spot `key` of a page at `pagePath` has unless its data says otherwise. */
const spotPathOnPage = (pagePath: string, key: string) => `${pagePath}#${key}`;

/**
 * The citation data as a page carries it (the `#cite-data` block,
 * CiteControls.astro; read back by `readPageCitations`): each spot without the
 * key it is filed under, without its path when that is the page's path and
 * `#key`, and without its url when that equals its path (a site served at the
 * root), which every page then does not send twice (issue 13).
 */
export function pageCitationsJson(data: PageCitations): string {
  const pagePath = data.spots[PAGE_SPOT]?.path;
  const spots: Record<string, CarriedSpot> = {};
  for (const [key, { key: _key, url, path, ...spot }] of Object.entries(data.spots)) {
    const carried: CarriedSpot = key !== PAGE_SPOT && pagePath !== undefined && path === spotPathOnPage(pagePath, key) ? spot : { ...spot, path };
    spots[key] = url === path ? carried : { ...carried, url };
  }
  return JSON.stringify({ work: data.work, spots });
}

/** The citation data of a page's `#cite-data` block (`pageCitationsJson`). */
export function readPageCitations(json: string): PageCitations {
  const carried = JSON.parse(json) as { work: CitedWork; spots: Record<string, CarriedSpot> };
  const pagePath = carried.spots[PAGE_SPOT]?.path;
  const spots: Record<string, CitationSpot> = {};
  for (const [key, spot] of Object.entries(carried.spots)) {
    const path = spot.path ?? spotPathOnPage(pagePath!, key);
    spots[key] = { key, ...spot, path, url: spot.url ?? path };
  }
  return { work: carried.work, spots };
}

/** The visible text of a 引用 control. */
export const CITE_BUTTON_TEXT = '引用';

/** Id of the panel the 引用 controls of a page open. */
export const CITE_PANEL_ID = 'cite-panel';

/** The accessible name of a 引用 control: `引用本节：一、聚焦中关村科学城`. */
export function citeButtonLabel(kind: SpotKind, heading: string): string {
  const what = { plan: '纲要全文', part: '本篇', chapter: '本章', section: '本节', box: '本专栏', table: '本表', row: '本项指标', package: '本工程包' }[kind];
  return `引用${what}：${heading}`;
}
