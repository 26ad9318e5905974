/**
 * Checks on the built site (dist/ from the real build): URLs, language,
 * headings and ids, page markers and /page/P/ redirects, the plan's text on
 * every page, and the published model. Links are checked by the link gate
 * (tests/gates/links.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../src/convert/model';
import { FIRST_PAGE, lastPage } from '../../src/convert/printed-pages';
import { plan as sourcePlan } from '../helpers/real-plan';
import { pageLocationHref, pageLocationMap, pageLocations } from '../../src/site/plan/page-locations';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import {
  ABOUT_PATH,
  BOXES_JSON_PATH,
  BOXES_PATH,
  CONTENTS_PATH,
  DATA_INDEX_PATH,
  DOWNLOADS_PATH,
  EPUB_PATH,
  TEXT_PATH,
  INDICATORS_CSV_PATH,
  INDICATORS_JSON_PATH,
  INDICATORS_PATH,
  PACKAGES_JSON_PATH,
  PACKAGES_PATH,
  chapterPath,
  fullPageIds,
  packagePath,
  pageRedirectPath,
  partPath,
  sectionId,
  TERMS_JSON_PATH,
  TERMS_PATH,
} from '../../src/site/site-paths';
import { indicatorsTableSchema } from '../../src/reviewed/indicators-table';
import { packagesTableSchema } from '../../src/reviewed/packages-table';
import { DEFAULT_BUILD, ROOT, ensureBuilt } from './build-site';
import { attributeOf, attributeValues, curatedTableCells, elementText, elementsIn, elementsOf, fileForPath, htmlFiles, idsOf, mainOf, nextElementOf, readPage, visibleText } from './html';
import { nextTurn } from './next-turn';
import {
  appendixPageText,
  chapterPageText,
  fullPageText,
  homePageText,
  indicatorsTableText,
  packagesTableText,
  partPageText,
  squeeze,
} from './plan-text';

/** The last printed page, as the embedded source has it. */
const LAST_PAGE = lastPage(sourcePlan);

const curatedData = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'content/data', file), 'utf8'));
const indicators = indicatorsTableSchema.parse(curatedData('indicators.json'));
const packages = packagesTableSchema.parse(curatedData('packages.json'));

let outDir: string;
let plan: Plan;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
});

const listedUrls = (): string[] =>
  readFileSync(path.join(ROOT, 'tests/urls.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/** Part and chapter pages plus /packages/: where page markers live. */
const markerPages = (): string[] => [
  ...plan.parts.flatMap((part) => [partPath(part.n), ...part.chapters.map((c) => chapterPath(part.n, c.n))]),
  PACKAGES_PATH,
];

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const headingText = (html: string, id: string): string | null => {
  const heading = elementsOf(html, HEADINGS).find((h) => attributeOf(h, 'id') === id);
  return heading ? elementText(heading) : null;
};

describe('site URLs', () => {
  it('serves every URL in tests/urls.txt', () => {
    const missing = listedUrls().filter((url) => !existsSync(fileForPath(outDir, url)));
    expect(missing).toEqual([]);
  });

  it('lists in tests/urls.txt every part, chapter and /page/P/ URL of the plan, and nothing else', () => {
    const expected = [
      '/',
      '/full/',
      '/data/plan.json',
      INDICATORS_JSON_PATH,
      INDICATORS_CSV_PATH,
      PACKAGES_JSON_PATH,
      INDICATORS_PATH,
      BOXES_PATH,
      BOXES_JSON_PATH,
      TERMS_JSON_PATH,
      TERMS_PATH,
      DATA_INDEX_PATH,
      DOWNLOADS_PATH,
      EPUB_PATH,
      TEXT_PATH,
      ABOUT_PATH,
      CONTENTS_PATH,
      '/search/',
      '/packages/',
      ...packages.packages.map((p) => packagePath(p.no)),
      ...plan.parts.flatMap((part) => [partPath(part.n), ...part.chapters.map((c) => chapterPath(part.n, c.n))]),
      ...Array.from({ length: LAST_PAGE }, (_, i) => pageRedirectPath(i + FIRST_PAGE)),
    ];
    expect([...listedUrls()].sort()).toEqual([...expected].sort());
  });

  it('declares <html lang="zh-CN"> on every page', async () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(LAST_PAGE);
    const wrong: string[] = [];
    for (const file of files) {
      if (elementsOf(readFileSync(path.join(outDir, file), 'utf8'), 'html[lang="zh-CN"]').length !== 1) wrong.push(file);
      await nextTurn();
    }
    expect(wrong).toEqual([]);
  });
});

describe('headings', () => {
  it('gives every chapter page its TOC title as h1 and an id section-K on each section heading', () => {
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        const html = readPage(outDir, chapterPath(part.n, chapter.n));
        expect(headingText(html, '_top'), chapterPath(part.n, chapter.n)).toBe(chapter.label + chapter.title);
        const sectionIds = idsOf(html).filter((id) => id.startsWith('section-'));
        expect(sectionIds).toEqual(chapter.sections.map((s) => sectionId(s.n)));
        for (const section of chapter.sections) {
          expect(headingText(html, sectionId(section.n))).toBe(section.label + section.title);
        }
      }
    }
  });

  it('gives every part page its title as h1, and titles follow the part and chapter in <title>', () => {
    for (const part of plan.parts) {
      const html = readPage(outDir, partPath(part.n));
      expect(headingText(html, '_top')).toBe(part.label + part.title);
      expect(elementText(elementsOf(html, 'title')[0]!).startsWith(`${part.label} ${part.title}`)).toBe(true);
    }
  });

  it('gives every heading in page content a self-link without text', () => {
    for (const url of [...markerPages(), '/', '/full/', INDICATORS_PATH, BOXES_PATH, ...packages.packages.map((p) => packagePath(p.no))]) {
      const html = mainOf(readPage(outDir, url));
      const headings = elementsOf(html, HEADINGS).filter((h) => attributeOf(h, 'id') !== undefined);
      expect(headings.length, url).toBeGreaterThan(0);
      for (const heading of headings) {
        const id = attributeOf(heading, 'id')!;
        // Right after the heading, in its wrapper: an empty link to it (or to its box) with a name.
        const link = nextElementOf(html, heading);
        expect(link && [link.tagName, attributeOf(link, 'class')], `${url}#${id}`).toEqual(['a', 'self-link']);
        expect(attributeOf(link!, 'href'), `${url}#${id}`).toMatch(new RegExp(`^#(?:${id}|box-\\d+)$`));
        expect(attributeOf(link!, 'aria-label'), `${url}#${id}`).toMatch(/\S/);
        expect(link!.children, `${url}#${id}`).toEqual([]);
      }
    }
  });
});

describe('plan text', () => {
  const text = (url: string) => visibleText(mainOf(readPage(outDir, url)), { skipCurated: true });

  it('shows exactly the plan’s characters on every part, chapter and appendix page (the curated tables aside)', () => {
    for (const part of plan.parts) {
      expect(squeeze(text(partPath(part.n))), partPath(part.n)).toBe(squeeze(partPageText(part)));
      for (const chapter of part.chapters) {
        expect(squeeze(text(chapterPath(part.n, chapter.n))), chapterPath(part.n, chapter.n)).toBe(squeeze(chapterPageText(chapter)));
      }
    }
    expect(squeeze(text(PACKAGES_PATH))).toBe(squeeze(appendixPageText(plan.appendix)));
  });

  it('shows the title block and the 序言 on the home page, and the whole plan on /full/', () => {
    expect(squeeze(text('/'))).toBe(squeeze(homePageText(plan)));
    expect(squeeze(text('/full/'))).toBe(squeeze(fullPageText(plan)));
  });

  it('shows the curated tables cell by cell where the plan has them, and on their own pages', () => {
    const cells = (url: string, name: string) => curatedTableCells(mainOf(readPage(outDir, url)), name);
    for (const url of [chapterPath(1, 3), INDICATORS_PATH, '/full/']) {
      expect(cells(url, 'indicators'), url).toEqual(indicatorsTableText(indicators));
    }
    for (const url of [PACKAGES_PATH, '/full/']) {
      expect(cells(url, 'packages'), url).toEqual(packagesTableText(packages));
    }
    // Nowhere else: the chapter pages hold no other curated table.
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        const html = readPage(outDir, chapterPath(part.n, chapter.n));
        const expected = part.n === 1 && chapter.n === 3 ? 1 : 0;
        expect(html.split('data-curated-table=').length - 1, chapterPath(part.n, chapter.n)).toBe(expected);
      }
    }
  });

  /** The entries of the 目录 in the page at `url`: where each links and the printed page it gives (as read aloud: `，第P页`). */
  const contentsEntries = (url: string) => {
    const navs = elementsOf(mainOf(readPage(outDir, url)), 'nav.plan-contents');
    expect(navs, url).toHaveLength(1);
    return elementsIn(navs[0]!, 'a.toc-entry').map((a) => ({ href: attributeOf(a, 'href'), page: elementText(elementsIn(a, '.toc-page')[0]!) }));
  };
  const entry = (href: string, page: number) => ({ href, page: `，第${page}页` });
  const appendixEntry = () => entry(PACKAGES_PATH, plan.appendix.page);

  it('lists on /contents/ the whole 目录: every part, chapter and section in the plan\'s order, then the 附表, each with its printed page', () => {
    const expected = [
      ...plan.parts.flatMap((part) => [
        entry(partPath(part.n), part.page),
        ...part.chapters.flatMap((chapter) => [
          entry(chapterPath(part.n, chapter.n), chapter.page),
          ...chapter.sections.map((section) => entry(`${chapterPath(part.n, chapter.n)}#${sectionId(section.n)}`, section.page)),
        ]),
      ]),
      appendixEntry(),
    ];
    expect(expected).toHaveLength(14 + 54 + 163 + 1);
    expect(contentsEntries(CONTENTS_PATH)).toEqual(expected);
  });

  it('lists on the home and 404 pages the 目录 down to the 章, and links it first to the whole one', () => {
    const expected = [
      ...plan.parts.flatMap((part) => [entry(partPath(part.n), part.page), ...part.chapters.map((chapter) => entry(chapterPath(part.n, chapter.n), chapter.page))]),
      appendixEntry(),
    ];
    for (const url of ['/', '/404.html']) {
      expect(contentsEntries(url), url).toEqual(expected);
      // The first link after the 目录's heading leads to the whole 目录.
      const nav = elementsOf(mainOf(readPage(outDir, url)), 'nav.plan-contents')[0]!;
      const links = elementsIn(nav, 'a[href]').map((a) => attributeOf(a, 'href')).filter((href) => !href!.startsWith('#'));
      expect(links[0], url).toBe(CONTENTS_PATH);
    }
  });
});

describe('printed pages', () => {
  it('has every page-P id (P = 1…218) exactly once across part and chapter pages and /packages/', () => {
    const found = new Map<string, string[]>();
    for (const url of markerPages()) {
      for (const id of idsOf(readPage(outDir, url)).filter((id) => /^page-\d+$/.test(id))) {
        found.set(id, [...(found.get(id) ?? []), url]);
      }
    }
    const expected = Array.from({ length: LAST_PAGE }, (_, i) => `page-${i + FIRST_PAGE}`);
    expect([...found.keys()].sort()).toEqual([...expected].sort());
    const twice = [...found].filter(([, urls]) => urls.length > 1);
    expect(twice).toEqual([]);
  });

  it('redirects each /page/P/ to the marker of page P (meta refresh, visible link; no canonical without SITE_URL)', () => {
    const located = pageLocationMap(pageLocations(plan));
    for (let page = FIRST_PAGE; page <= LAST_PAGE; page++) {
      const html = readPage(outDir, pageRedirectPath(page));
      const location = located.get(page);
      expect(location, `page ${page} has no location`).toBeDefined();
      const target = pageLocationHref(location!);
      expect(elementsOf(html, 'meta[http-equiv="refresh"]').map((m) => attributeOf(m, 'content'))).toEqual([`0; url=${target}`]);
      expect(elementsOf(html, 'link[rel~="canonical"]')).toEqual([]);
      expect(attributeValues(html, 'href')).toContain(target);
      expect(attributeValues(html, 'data-pagefind-ignore')).toContain('all');
      expect(idsOf(readPage(outDir, location!.path)), `page ${page}`).toContain(`page-${page}`);
    }
  });

  it('marks page breaks with empty, named links', () => {
    const html = readPage(outDir, markerPages().find((url) => readPage(outDir, url).includes('page-marker'))!);
    const markers = elementsOf(html, 'a[id^="page-"]');
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) {
      const page = attributeOf(marker, 'id')!.slice('page-'.length);
      expect(page).toMatch(/^\d+$/);
      expect(marker.children).toEqual([]);
      expect(attributeOf(marker, 'aria-label')).toBe(`第${page}页`);
      expect(attributeOf(marker, 'href')).toBe(`#page-${page}`);
      expect(attributeOf(marker, 'data-page')).toBe(page);
    }
  });

  it('has every page marker once on /full/, and prefixed section ids', () => {
    const ids = idsOf(readPage(outDir, '/full/'));
    for (let page = FIRST_PAGE; page <= LAST_PAGE; page++) {
      expect(ids.filter((id) => id === `page-${page}`).length, `page-${page}`).toBe(1);
    }
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        for (const section of chapter.sections) {
          expect(ids).toContain(fullPageIds.section(part.n, chapter.n, section.n));
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('data and search', () => {
  it('publishes the model at /data/plan.json', () => {
    const published = JSON.parse(readFileSync(fileForPath(outDir, '/data/plan.json'), 'utf8'));
    expect(planSchema.safeParse(published).success).toBe(true);
    expect(published).toEqual(plan);
  });

  it('indexes content pages but not redirects or /full/', () => {
    expect(existsSync(path.join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(readPage(outDir, '/part-1/')).toContain('data-pagefind-body');
    expect(readPage(outDir, '/full/')).not.toContain('data-pagefind-body');
    expect(readPage(outDir, pageRedirectPath(FIRST_PAGE))).not.toContain('data-pagefind-body');
  });
});
