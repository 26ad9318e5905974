/**
 * The search index of the built site (dist/): which pages it holds, that it
 * holds exactly their indexed text (the plan's text on 篇 and 章 pages — no
 * navigation, breadcrumbs, notes or prev/next), their filters, and the box
 * ends; and that the indexer's view of every page adds nothing but spaces.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsTableSchema } from '../../src/reviewed/indicators-table';
import type { Plan } from '../../src/convert/model';
import type { Fragment } from '../../src/search/hits';
import { endMarkerId, indexerView } from '../../src/search/indexer-view';
import { pageMapOf, type PageMap } from '../../src/search/page-map';
import { searchFilters } from '../../src/search/filters';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { boxId, chapterPath, partPath } from '../../src/site/site-paths';
import { DEFAULT_BUILD, ROOT, ensureBuilt } from '../site/build-site';
import { htmlFiles, readPage, textContent } from '../site/html';
import { chapterPageText, indicatorsTableText, partPageText, squeeze } from '../site/plan-text';
import { indexedPages } from './recall';
import { nextTurn } from '../site/next-turn';

let outDir: string;
let plan: Plan;
let map: PageMap;
let fragments: Map<string, Fragment & { filters: Record<string, string[]> }>;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
  map = JSON.parse(readFileSync(path.join(outDir, 'search/pages.json'), 'utf8')) as PageMap;
  const dir = path.join(outDir, 'pagefind/fragment');
  fragments = new Map(
    readdirSync(dir).map((name) => {
      const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as Fragment & { filters: Record<string, string[]> };
      return [fragment.url, fragment];
    }),
  );
});

const fragmentText = (url: string) => squeeze(fragments.get(url)!.content);

describe('search index', () => {
  it('holds the pages with data-pagefind-body, and not /full/, /search/ or the /page/P/ redirects', () => {
    const urls = map.pages.map((p) => p.url).sort();
    expect(urls).toEqual(indexedPages(outDir).map((p) => p.url).sort());
    expect([...fragments.keys()].sort()).toEqual(urls);
    expect(urls).toContain('/');
    expect(urls).toContain('/boxes/');
    expect(urls).toContain('/indicators/');
    expect(urls).toContain('/packages/3/');
    for (const url of ['/full/', '/search/', '/page/1/', '/404.html']) expect(urls).not.toContain(url);
    // Only pages that show the plan's text: each has a type; a site page such as /terms/ or /data/ is left out.
    expect(map.pages.filter((p) => p.type.length === 0).map((p) => p.url)).toEqual([]);
    const untyped = htmlFiles(outDir)
      .map((file) => '/' + file.replace(/index\.html$/, ''))
      .filter((url) => url.endsWith('/') && searchFilters(plan, url).type.length === 0);
    expect(untyped.filter((url) => urls.includes(url))).toEqual([]);
  });

  it('publishes Pagefind’s search library and index, not its ready-made interfaces or its web worker', () => {
    const bundle = readdirSync(path.join(outDir, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'index', 'fragment']));
    expect(bundle.filter((name) => /ui|highlight|worker/.test(name))).toEqual([]);
  });

  it('holds exactly the indexed text of each page', () => {
    const differing = indexedPages(outDir).filter((p) => squeeze(p.text) !== fragmentText(p.url)).map((p) => p.url);
    expect(differing).toEqual([]);
  });

  it('holds only the plan’s text for every 篇 and 章 page (the curated indicators table in its place)', () => {
    const table = squeeze(indicatorsTableText(indicatorsTableSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'content/data/indicators.json'), 'utf8')))).join(''));
    let tables = 0;
    for (const part of plan.parts) {
      expect(fragmentText(partPath(part.n)), partPath(part.n)).toBe(squeeze(partPageText(part)));
      for (const chapter of part.chapters) {
        const url = chapterPath(part.n, chapter.n);
        const holdsTable = [...chapter.intro, ...chapter.sections.flatMap((s) => s.blocks)].some((b) => b.kind === 'table');
        if (holdsTable) tables++;
        expect(holdsTable ? fragmentText(url).replace(table, '') : fragmentText(url), url).toBe(squeeze(chapterPageText(chapter)));
      }
    }
    expect(tables).toBe(1);
  });

  it('gives every page its 篇 and type filters, titles from the page, and lists them in /search/pages.json', () => {
    for (const page of map.pages) {
      const expected = searchFilters(plan, page.url);
      expect({ part: page.part, type: page.type }, page.url).toEqual(expected);
      expect(fragments.get(page.url)!.filters, page.url).toEqual({
        ...(expected.part.length > 0 ? { part: expected.part } : {}),
        ...(expected.type.length > 0 ? { type: expected.type } : {}),
      });
      expect(readPage(outDir, page.url), page.url).toContain(`data-pagefind-meta="title:${page.title}"`);
    }
  });

  it('lists in /search/pages.json only pages the model gives a search type, with the model’s filters', () => {
    const ids = new Map(map.pages.map((p) => [p.url, p.id]));
    const pagefindPages = new Map([...fragments].map(([url, f]) => [ids.get(url)!, f]));
    const titleOf = new Map(map.pages.map((p) => [p.url, p.title]));
    expect(pageMapOf(plan, pagefindPages, titleOf)).toEqual(map);
    expect(() => pageMapOf(plan, new Map([['und_1', { url: '/terms/', anchors: [] }]]), new Map([['/terms/', '词语索引']]))).toThrow(/no search type/);
  });

  it('places each page’s section headings (h2–h6) among its indexed words in /search/pages.json', () => {
    let headings = 0;
    for (const page of map.pages) {
      const { anchors, content } = fragments.get(page.url)!;
      const words = content.split(' ');
      const texts = anchors.filter((a) => /^h[2-6]$/.test(a.element)).map((a) => squeeze(a.text));
      expect(page.headings.map(([first, n]) => words.slice(first, first + n).join('')), page.url).toEqual(texts);
      headings += texts.length;
    }
    // The 163 numbered sections, at least.
    expect(headings).toBeGreaterThanOrEqual(163);
  });

  it('knows where each 专栏 box starts and ends, within its chapter', () => {
    let boxes = 0;
    for (const part of plan.parts) {
      for (const chapter of part.chapters) {
        const anchors = fragments.get(chapterPath(part.n, chapter.n))!.anchors;
        for (const box of chapter.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'box')) {
          const start = anchors.find((a) => a.id === boxId(box.n));
          const end = anchors.find((a) => a.id === endMarkerId(boxId(box.n)));
          expect(start && end && end.location > start.location, boxId(box.n)).toBe(true);
          boxes++;
        }
      }
    }
    expect(boxes).toBe(10);
  });
});

describe('indexer view', () => {
  it('differs from every built page only by whitespace and empty end markers', async () => {
    const text = (html: string) => squeeze(textContent(html));
    const changed: string[] = [];
    for (const file of htmlFiles(outDir)) {
      const html = readFileSync(path.join(outDir, file), 'utf8');
      const view = indexerView(html);
      if (text(view) !== text(html) || view.replace(/\s+|<i id="[^"]+--end"><\/i>/g, '') !== html.replace(/\s+/g, '')) changed.push(file);
      await nextTurn();
    }
    expect(changed).toEqual([]);
  });
});
