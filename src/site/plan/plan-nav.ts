/**
 * Navigation derived from the document model: the Starlight sidebar, the
 * breadcrumbs and the table of contents. Order always comes from the model
 * (the plan's own order), never from file names. Pure.
 */
import type { Chapter, Part, Plan } from '../../convert/model';
import {
  BOXES_PATH,
  CONTENTS_PATH,
  DATA_INDEX_PATH,
  DOWNLOADS_PATH,
  FULL_PATH,
  HOME_PATH,
  INDICATORS_PATH,
  PACKAGES_PATH,
  chapterPath,
  chapterSlug,
  partSlug,
  packagePath,
  partPath,
  sectionId,
  TERMS_PATH,
} from '../site-paths';

/** Label used for a heading in navigation: its numbering, a space, its title (`第二章 …`). */
export function navLabel(heading: { label: string; title: string }): string {
  return `${heading.label} ${heading.title}`;
}

/** Label of the link to the home page in navigation. */
export const HOME_LABEL = '首页';
/** Label of the link to `/full/`. */
export const FULL_LABEL = '全文（单页）';
/** Label of the link to `/data/` (every data file with its schema). */
export const DATA_LABEL = '数据下载';
/** Label of the link to `/downloads/` (the EPUB and the plain text). */
export const DOWNLOADS_LABEL = '电子书与纯文本下载';
/** Label of the link to `/terms/` (the index of quoted terms). */
export const TERMS_LABEL = '词语索引';
/** The site's name in its header (Starlight's `title`). */
export const SITE_TITLE = '北京市“十四五”规划纲要';
/** Label of the link to `/indicators/` (the page of the main-indicators table). */
export const INDICATORS_LABEL = '主要指标';
/** Label of the link to `/boxes/` (the list of the 专栏). */
export const BOXES_LABEL = '专栏';
/** Label of the link to `/contents/` (the whole 目录, as printed), and its title. */
export const CONTENTS_LABEL = '目录';
/** Label of the link to `/about/` (source, edition, what was done to the text, build). */
export const ABOUT_LABEL = '关于本版';

/** A Starlight sidebar item, as accepted by the `sidebar` option. */
export type SidebarItem =
  | { label: string; link: string; attrs?: Record<string, string> }
  | { label: string; slug: string }
  | { label: string; collapsed: boolean; items: SidebarItem[] };

/** A package of the 附表 as navigation needs it: its number and its name as printed. */
export interface NavPackage {
  no: number;
  name: string;
}

/** One page of the edition in reading order: how links to it read, and its site path. */
export interface ReadingStop {
  label: string;
  path: string;
}

/** Label of `/` as a stop in the reading order: the text it shows. */
export const PREFACE_LABEL = '序言';

/**
 * The edition in the plan's order, the one order of 上一页/下一页: the 序言
 * (`/`), each 篇 page and its 章 pages, then the main indicators, the 专栏,
 * the 附表 and its packages. The sidebar lists the same pages in the same
 * order; `/full/`, the term index and the data are reference pages outside it.
 */
export function readingOrder(plan: Plan, packages: readonly NavPackage[]): ReadingStop[] {
  return [
    { label: PREFACE_LABEL, path: HOME_PATH },
    ...plan.parts.flatMap((part) => [
      { label: navLabel(part), path: partPath(part.n) },
      ...part.chapters.map((chapter) => ({ label: navLabel(chapter), path: chapterPath(part.n, chapter.n) })),
    ]),
    { label: INDICATORS_LABEL, path: INDICATORS_PATH },
    { label: BOXES_LABEL, path: BOXES_PATH },
    { label: navLabel(plan.appendix), path: PACKAGES_PATH },
    ...packages.map((p) => ({ label: p.name, path: packagePath(p.no) })),
  ];
}

/** The pages before and after `path` in the reading order (none outside it). */
export function readingNeighbours(
  order: readonly ReadingStop[],
  path: string,
): { prev: ReadingStop | null; next: ReadingStop | null } {
  const i = order.findIndex((stop) => stop.path === path);
  if (i < 0) return { prev: null, next: null };
  return { prev: order[i - 1] ?? null, next: order[i + 1] ?? null };
}

/**
 * The sidebar: home, one collapsed group per 篇 (labelled `第五篇 加快…`,
 * holding the 篇 page, also named with its title, and its chapters
 * `第二章 …`), the main indicators and the 专栏 (pages gathering what readers
 * look for first), the 附表 with its ten packages, the one-page edition, then
 * the term index and the data files. Every page of the reading order has its
 * entry, so every page's place is marked.
 */
export function planSidebar(plan: Plan, packages: readonly NavPackage[]): SidebarItem[] {
  return [
    { label: HOME_LABEL, link: HOME_PATH },
    ...plan.parts.map((part) => ({
      label: navLabel(part),
      collapsed: true,
      items: [
        { label: navLabel(part), slug: partSlug(part.n) },
        ...part.chapters.map((chapter) => ({
          label: navLabel(chapter),
          slug: chapterSlug(part.n, chapter.n),
        })),
      ],
    })),
    { label: INDICATORS_LABEL, link: INDICATORS_PATH },
    { label: BOXES_LABEL, link: BOXES_PATH },
    {
      label: navLabel(plan.appendix),
      collapsed: true,
      items: [
        { label: navLabel(plan.appendix), link: PACKAGES_PATH },
        ...packages.map((p) => ({ label: p.name, link: packagePath(p.no) })),
      ],
    },
    { label: FULL_LABEL, link: FULL_PATH },
    { label: TERMS_LABEL, link: TERMS_PATH },
    { label: DATA_LABEL, link: DATA_INDEX_PATH },
  ];
}

/** The 篇 numbered `n`, or an error naming it. */
export function findPart(plan: Plan, n: number): Part {
  const part = plan.parts.find((p) => p.n === n);
  if (!part) throw new Error(`plan.json has no 篇 ${n}`);
  return part;
}

/** The 章 `chapter` of 篇 `part`, or an error naming it. */
export function findChapter(plan: Plan, part: number, chapter: number): { part: Part; chapter: Chapter } {
  const p = findPart(plan, part);
  const c = p.chapters.find((ch) => ch.n === chapter);
  if (!c) throw new Error(`plan.json has no 章 ${chapter} in 篇 ${part}`);
  return { part: p, chapter: c };
}

/** One step of a breadcrumb trail (path without base). */
export interface Crumb {
  label: string;
  path: string;
}

/**
 * What a page shows: a 篇, a 章, the 附表, one package of the 附表, the
 * main indicators, the list of 专栏, the term index, the data files, the
 * downloadable editions, the whole 目录, or the plan's title block (title and approval line,
 * on / and /full/).
 */
export type PlanPageRef =
  | { kind: 'part'; part: number }
  | { kind: 'chapter'; part: number; chapter: number }
  | { kind: 'appendix' }
  | { kind: 'package'; package: number; name: string }
  | { kind: 'indicators' }
  | { kind: 'boxes' }
  | { kind: 'terms' }
  | { kind: 'data' }
  | { kind: 'downloads' }
  | { kind: 'contents' }
  | { kind: 'title-block' };

/** The breadcrumb trail of a page, from home down to the page itself (none for the title-block pages). */
export function breadcrumbs(plan: Plan, ref: PlanPageRef): Crumb[] {
  const home: Crumb = { label: HOME_LABEL, path: HOME_PATH };
  switch (ref.kind) {
    case 'title-block':
      return [];
    case 'part': {
      const part = findPart(plan, ref.part);
      return [home, { label: navLabel(part), path: partPath(part.n) }];
    }
    case 'chapter': {
      const { part, chapter } = findChapter(plan, ref.part, ref.chapter);
      return [
        home,
        { label: navLabel(part), path: partPath(part.n) },
        { label: navLabel(chapter), path: chapterPath(part.n, chapter.n) },
      ];
    }
    case 'appendix':
      return [home, { label: navLabel(plan.appendix), path: PACKAGES_PATH }];
    case 'package':
      return [
        home,
        { label: navLabel(plan.appendix), path: PACKAGES_PATH },
        { label: ref.name, path: packagePath(ref.package) },
      ];
    case 'indicators':
      return [home, { label: INDICATORS_LABEL, path: INDICATORS_PATH }];
    case 'boxes':
      return [home, { label: BOXES_LABEL, path: BOXES_PATH }];
    case 'terms':
      return [home, { label: TERMS_LABEL, path: TERMS_PATH }];
    case 'data':
      return [home, { label: DATA_LABEL, path: DATA_INDEX_PATH }];
    case 'downloads':
      return [home, { label: DOWNLOADS_LABEL, path: DOWNLOADS_PATH }];
    case 'contents':
      return [home, { label: CONTENTS_LABEL, path: CONTENTS_PATH }];
  }
}

/** One entry of the table of contents; `children` are the next level down. */
export interface TocEntry {
  label: string;
  title: string;
  /** Site path (without base), with a fragment for sections. */
  href: string;
  /** The printed page the plan's own 目录 gives. */
  page: number;
  children: TocEntry[];
}

/** The whole table of contents: 篇 → 章 → sections, then the 附表. */
export function tableOfContents(plan: Plan): TocEntry[] {
  return [
    ...plan.parts.map((part) => ({
      label: part.label,
      title: part.title,
      href: partPath(part.n),
      page: part.page,
      children: part.chapters.map((chapter) => ({
        label: chapter.label,
        title: chapter.title,
        href: chapterPath(part.n, chapter.n),
        page: chapter.page,
        children: chapter.sections.map((section) => ({
          label: section.label,
          title: section.title,
          href: `${chapterPath(part.n, chapter.n)}#${sectionId(section.n)}`,
          page: section.page,
          children: [],
        })),
      })),
    })),
    { label: plan.appendix.label, title: plan.appendix.title, href: PACKAGES_PATH, page: plan.appendix.page, children: [] },
  ];
}
