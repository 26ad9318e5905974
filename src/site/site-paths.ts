/**
 * The site's URL contract in one place: every page, anchor and id the reader
 * site publishes is spelled here, so links, redirects and tests agree.
 *
 * Paths are site-relative (`/part-5/chapter-2/`), without the deployment base
 * path; `withBase` adds it at the edge (links in HTML).
 *
 * The converter imports it too: the MDX it writes is the carrier of the 篇 and
 * 章 pages (README, "One renderer"), so the pages' file names (Starlight's
 * slugs) and the links it writes into them are spelled here, not there. Pure,
 * and it imports nothing of the site, so the converter stays free of Astro.
 */
import type { PlanStep } from '../convert/plan-walk';

/** Path of the home page (title block, 序言, table of contents of 篇 and 章). */
export const HOME_PATH = '/';
/** Path of the whole 目录 as the book prints it: every 篇, 章 and section with its printed page. */
export const CONTENTS_PATH = '/contents/';
/** Path of the page holding the 附表 (major engineering packages). */
export const PACKAGES_PATH = '/packages/';
/** Path of the whole plan on one page. */
export const FULL_PATH = '/full/';
/** Path where the document model is published. */
export const DATA_PATH = '/data/plan.json';
/** Path of the main-indicators table (第一篇第三章's table on a page of its own). */
export const INDICATORS_PATH = '/indicators/';
/** Path of the list of the 专栏 boxes. */
export const BOXES_PATH = '/boxes/';
/** The indicators as JSON: one object per row or sub-row. */
export const INDICATORS_JSON_PATH = '/data/indicators.json';
/** The indicators as CSV (UTF-8 with BOM, RFC 4180). */
export const INDICATORS_CSV_PATH = '/data/indicators.csv';
/** The packages of the 附表 with their items and the places that discuss them. */
export const PACKAGES_JSON_PATH = '/data/packages.json';
/** The 专栏 boxes with their places, text and pages. */
export const BOXES_JSON_PATH = '/data/boxes.json';
/** The term index as data. */
export const TERMS_JSON_PATH = '/data/terms.json';
/** The page listing every data file with its schema. */
export const DATA_INDEX_PATH = '/data/';
/** The index of the plan's quoted terms. */
export const TERMS_PATH = '/terms/';
/** The page listing the downloadable editions (EPUB, plain text). */
export const DOWNLOADS_PATH = '/downloads/';
/** The whole plan as an EPUB 3 book. */
export const EPUB_PATH = '/downloads/beijing-14th-five-year-plan.epub';
/** The whole plan as plain text (UTF-8). */
export const TEXT_PATH = '/downloads/beijing-14th-five-year-plan.txt';
/** 关于本版: the source, the edition, what was done to the text, the build. */
export const ABOUT_PATH = '/about/';

/** Path of one 重大工程包 (`/packages/5/`). */
export function packagePath(n: number): string {
  return `/packages/${n}/`;
}

/** True for the path of one 重大工程包's page (`packagePath`). */
export function isPackagePath(path: string): boolean {
  return /^\/packages\/\d+\/$/.test(path);
}

/** Id of a package's row in the 附表 table (`package-5`). */
export function packageRowId(n: number): string {
  return `package-${n}`;
}

/** Id of the `k`-th project item on a package's page (`item-3`). */
export function packageItemId(k: number): string {
  return `item-${k}`;
}

/** Id of the main-indicators table, wherever it is shown. */
export const INDICATORS_TABLE_ID = 'indicators';

/** Path of the page of 篇 `part` (`/part-5/`). */
export function partPath(part: number): string {
  return `/part-${part}/`;
}

/** Path of 章 `chapter` of 篇 `part` (`/part-5/chapter-2/`). */
export function chapterPath(part: number, chapter: number): string {
  return `/part-${part}/chapter-${chapter}/`;
}

/** Docs collection slug of the page of 篇 `part` (`part-5`): its path without the slashes. */
export function partSlug(part: number): string {
  return partPath(part).slice(1, -1);
}

/** Docs collection slug of a chapter page (`part-5/chapter-2`). */
export function chapterSlug(part: number, chapter: number): string {
  return chapterPath(part, chapter).slice(1, -1);
}

/** True for the path of a 章 page (`chapterPath`). */
export function isChapterPath(path: string): boolean {
  return /^\/part-\d+\/chapter-\d+\/$/.test(path);
}

/**
 * The page (a 篇's, a 章's, /packages/) on which a step of `walkPlan` shows in
 * the reading order of the site; the 序言's blocks show on the home page.
 */
export function stepPagePath(step: PlanStep): string {
  switch (step.type) {
    case 'part':
      return partPath(step.node.n);
    case 'chapter':
      return chapterPath(step.part.n, step.node.n);
    case 'section':
      return chapterPath(step.part.n, step.chapter.n);
    case 'appendix':
      return PACKAGES_PATH;
    case 'block':
      if (step.in === 'preface') return HOME_PATH;
      if (step.in === 'appendix') return PACKAGES_PATH;
      return step.chapter ? chapterPath(step.part!.n, step.chapter.n) : partPath(step.part!.n);
  }
}

/** Path of the redirect that leads to printed page `page` (`/page/150/`). */
export function pageRedirectPath(page: number): string {
  return `/page/${page}/`;
}

/** True for the URL (absolute, any base) of a `/page/P/` redirect. */
export function isPageRedirect(url: string): boolean {
  return /\/page\/\d+\/$/.test(new URL(url, 'http://x').pathname);
}

/** Id of the element where printed page `page` begins (`page-150`). */
export function pageAnchorId(page: number): string {
  return `page-${page}`;
}

/** Id of section `section` (一、二、…) inside its chapter page (`section-3`). */
export function sectionId(section: number): string {
  return `section-${section}`;
}

/** Id of the 专栏 box number `box` (`box-7`); box numbers are unique in the plan. */
export function boxId(box: number): string {
  return `box-${box}`;
}

/** Id of the `k`-th mention (1-based, in reading order) of box `box` in the text of its page (`box-7-mention-2`). */
export function boxMentionId(box: number, k: number): string {
  return `${boxId(box)}-mention-${k}`;
}

/**
 * Ids on `/full/`, where all chapters share one page: a prefix keeps the
 * per-chapter ids (`section-1` recurs in every chapter) unique.
 */
export const fullPageIds = {
  /** `part-5` */
  part: (part: number): string => `part-${part}`,
  /** `p5-c2` */
  chapter: (part: number, chapter: number): string => `p${part}-c${chapter}`,
  /** `p5-c2-section-1` */
  section: (part: number, chapter: number, section: number): string =>
    `p${part}-c${chapter}-section-${section}`,
  /** The 附表 heading. */
  appendix: 'appendix',
  /** The 序言 heading. */
  preface: 'preface',
};

/**
 * Prefixes a site path with the deployment base path (`/` or `/plan/`).
 * Fragments and queries are kept; `base` may or may not end in a slash.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/')) throw new Error(`site path must start with "/": ${path}`);
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return trimmed + path;
}

/** The site path of `pathname` (as the browser or Astro sees it) under deployment base `base`: `withBase` undone. */
export function sitePathOf(pathname: string, base: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  const path = trimmed !== '' && pathname.startsWith(trimmed) ? pathname.slice(trimmed.length) : pathname;
  return path.startsWith('/') ? path : `/${path}`;
}
