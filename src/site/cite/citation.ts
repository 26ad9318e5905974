/**
 * References to a spot of the plan — a 篇, a 章, a section, a 专栏 box or a
 * 重大工程包 — in GB/T 7714-2015 form (an electronic document, `[EB/OL]`),
 * and as a plain "title — URL" line.
 *
 *     北京市人民政府. 北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: 第五篇 第二章 一、聚焦中关村科学城[EB/OL]. (2021-01-27)[2026-11-27]: 第52-53页. https://example.org/part-5/chapter-2/#section-1
 *
 * The parts, in the standard's order: the body responsible (the plan was
 * approved by the municipal People's Congress and issued by the municipal
 * government, which is its author as a document: `ISSUER`); the title, with
 * the spot as "other title information" after a colon; the type mark
 * `[EB/OL]`; the date of publication in parentheses (the date of approval,
 * 2021-01-27); the date the reader accessed it in brackets; the printed
 * pages the spot spans (`第150-151页`, the pages a citation of the printed
 * plan would give); the stable URL with its anchor. The URL ends the
 * reference without the standard's closing full stop, which would become
 * part of the anchor when the link is pasted.
 *
 * Pure: the page pieces from the model at build time, the date from the
 * reader's browser at the moment of copying.
 */
import type { Plan } from '../../convert/model';
import type { PackagesTable } from '../../reviewed/packages-table';
import { pageAfterFooter } from '../plan/page-locations';
import { chapterKey, pageSpanText, sectionKey, type PageSpan, type PlanPageSpans } from '../plan/page-spans';
import { boxId, chapterPath, packagePath, partPath, sectionId, withBase } from '../site-paths';

/** The author of the plan as a document: it was issued by the municipal government. */
export const ISSUER = '北京市人民政府';

/** The anchor key of a whole page's spot (the id of its h1, where the page begins). */
export const PAGE_SPOT = '_top';

/** What a spot is. */
export type SpotKind = 'part' | 'chapter' | 'section' | 'box' | 'package';

/** One citable spot, as the build hands it to the page. */
export interface CitationSpot {
  /** The id of the element the spot's 引用 control belongs to: `_top` for the page itself, `section-3`, `box-7`. */
  key: string;
  kind: SpotKind;
  /** How the reference names it: `第五篇 第二章 一、聚焦中关村科学城`, `专栏7 低碳领跑者计划`. */
  name: string;
  pages: PageSpan;
  /** Absolute, stable URL with its anchor. */
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

/** The absolute URL of a site path (`/part-5/chapter-2/#section-1`) on a site deployed at `site` under `base`. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(path, base), site).href;
}

/**
 * The reference in GB/T 7714-2015 form, accessed on `accessed` (`YYYY-MM-DD`).
 * See the module comment for the parts.
 */
export function gbt7714(work: CitedWork, spot: CitationSpot, accessed: string): string {
  return `${work.issuer}. ${work.title}: ${spot.name}[EB/OL]. (${work.published})[${accessed}]: ${pageSpanText(spot.pages)}. ${spot.url}`;
}

/** The plain line: the title in 《》 with the spot, a dash, the URL. */
export function titleAndLink(work: CitedWork, spot: CitationSpot): string {
  return `《${work.title}》${spot.name} — ${spot.url}`;
}

/** Where a site is deployed, for absolute URLs. */
export interface Deployment {
  /** SITE_URL, e.g. `https://example.org`. */
  site: string;
  /** BASE_PATH, e.g. `/` or `/plan/`. */
  base: string;
}

/** The spot of a 篇 page: the 篇 from its heading to the end of its last 章. */
export function partSpot(plan: Plan, spans: PlanPageSpans, part: number, at: Deployment): CitationSpot {
  const p = plan.parts.find((x) => x.n === part);
  if (!p) throw new Error(`plan.json has no 篇 ${part}`);
  return {
    key: PAGE_SPOT,
    kind: 'part',
    name: `${p.label} ${p.title}`,
    pages: spans.parts.get(p.n)!,
    url: absoluteUrl(at.site, at.base, partPath(p.n)),
  };
}

/** The spots of a 章 page: the 章 itself, each section, each box, in reading order. */
export function chapterSpots(plan: Plan, spans: PlanPageSpans, part: number, chapter: number, at: Deployment): CitationSpot[] {
  const p = plan.parts.find((x) => x.n === part);
  const c = p?.chapters.find((x) => x.n === chapter);
  if (!p || !c) throw new Error(`plan.json has no 章 ${chapter} in 篇 ${part}`);
  const page = chapterPath(p.n, c.n);
  const url = (anchor: string) => absoluteUrl(at.site, at.base, anchor ? `${page}#${anchor}` : page);
  const spots: CitationSpot[] = [
    { key: PAGE_SPOT, kind: 'chapter', name: `${p.label} ${c.label} ${c.title}`, pages: spans.chapters.get(chapterKey(p.n, c.n))!, url: url('') },
  ];
  const boxes = (blocks: (typeof c.intro)) => {
    for (const b of blocks) {
      if (b.kind !== 'box') continue;
      spots.push({ key: boxId(b.n), kind: 'box', name: `${b.label} ${b.title}`, pages: spans.boxes.get(b.n)!, url: url(boxId(b.n)) });
    }
  };
  boxes(c.intro);
  for (const s of c.sections) {
    const key = sectionId(s.n);
    spots.push({ key, kind: 'section', name: `${p.label} ${c.label} ${s.label}${s.title}`, pages: spans.sections.get(sectionKey(p.n, c.n, s.n))!, url: url(key) });
    boxes(s.blocks);
  }
  return spots;
}

/**
 * The printed page of a row of the 附表: the appendix begins on the page after
 * its `footerBefore`, and each curated page break (which stands between two
 * rows) turns a page. A row never spans a break, so it lies on one page.
 */
export function packagePages(plan: Plan, table: PackagesTable, no: number): PageSpan {
  const first = pageAfterFooter(plan.appendix.footerBefore ?? 0) ?? plan.appendix.page;
  const page = first + table.pageBreaks.filter((pb) => pb.afterNo < no).length;
  return { first: page, last: page };
}

/** The spot of a /packages/N/ page. */
export function packageSpot(plan: Plan, table: PackagesTable, no: number, at: Deployment): CitationSpot {
  const pkg = table.packages.find((p) => p.no === no);
  if (!pkg) throw new Error(`no package ${no} in the 附表`);
  return {
    key: PAGE_SPOT,
    kind: 'package',
    name: `${plan.appendix.label} ${pkg.name}`,
    pages: packagePages(plan, table, no),
    url: absoluteUrl(at.site, at.base, packagePath(no)),
  };
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

/** The visible text of a 引用 control. */
export const CITE_BUTTON_TEXT = '引用';

/** Id of the panel the 引用 controls of a page open. */
export const CITE_PANEL_ID = 'cite-panel';

/** The accessible name of a 引用 control: `引用本节：一、聚焦中关村科学城`. */
export function citeButtonLabel(kind: SpotKind, heading: string): string {
  const what = { part: '本篇', chapter: '本章', section: '本节', box: '本专栏', package: '本工程包' }[kind];
  return `引用${what}：${heading}`;
}
