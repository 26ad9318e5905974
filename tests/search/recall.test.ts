/**
 * Search recall on the plan terms of tests/search/terms.txt (or the list
 * named by SEARCH_TERMS): every page whose indexed text holds a term must be
 * listed by the site's search page; top-1 accuracy (the first page is the one
 * the ranking rule puts first: title, then section heading, then occurrences;
 * see recall.ts) is reported and must stay high, beside how often the first
 * page is simply the one with the most occurrences. The figures are written to tests/.tmp/search-recall.json.
 *
 *   SEARCH_TERMS=other-list.txt npx vitest run tests/search/recall.test.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../browser/static-server';
import { DEFAULT_BUILD, ROOT, TMP, ensureBuilt } from '../site/build-site';
import type { PageMap } from '../../src/search/page-map';
import { indexedPages, indexedWords, measure, readTerms, searchOnPage, type PageLabels, type RecallReport } from './recall';
import { closeContexts, sharedBrowser } from '../browser/test-browser';

const TERMS_FILE = process.env.SEARCH_TERMS ? path.resolve(process.env.SEARCH_TERMS) : path.join(ROOT, 'tests/search/terms.txt');

let browser: Browser;
let server: StaticServer;
let report: RecallReport;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/`);
  const terms = readTerms(TERMS_FILE);
  // Titles and section headings as the index recorded them from each page's HTML: the words of each heading's place.
  const map = JSON.parse(readFileSync(path.join(outDir, 'search/pages.json'), 'utf8')) as PageMap;
  const words = indexedWords(outDir);
  const labels = new Map<string, PageLabels>(
    map.pages.map((p) => [p.url, { title: p.title, headings: p.headings.map(([first, n]) => words.get(p.url)!.slice(first, first + n).join('')) }]),
  );
  report = measure(indexedPages(outDir), await searchOnPage(page, terms), labels);
  mkdirSync(TMP, { recursive: true });
  writeFileSync(path.join(TMP, 'search-recall.json'), JSON.stringify({ list: TERMS_FILE, ...report }, null, 2));
  console.log(
    `search recall on ${path.relative(ROOT, TERMS_FILE)}: ${report.pagesFound}/${report.pagesHolding} pages ` +
      `(${(report.recall * 100).toFixed(1)}%), top-1 ${report.terms.filter((t) => t.top1).length}/${report.terms.length} ` +
      `(${(report.top1 * 100).toFixed(1)}%); most occurrences first ${report.terms.filter((t) => t.mostFirst).length}/${report.terms.length} ` +
      `(not: ${report.terms.filter((t) => !t.mostFirst).map((t) => `${t.term} → ${t.listed[0]}`).join('、') || 'none'})`,
  );
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

describe('search recall', () => {
  it('has at least 60 terms, each on some indexed page', () => {
    expect(report.terms.length).toBeGreaterThanOrEqual(process.env.SEARCH_TERMS ? 1 : 60);
    expect(report.terms.filter((t) => t.holding.length === 0).map((t) => t.term)).toEqual([]);
  });

  it('lists every page whose indexed text holds the term', () => {
    const missed = report.terms.filter((t) => t.missed.length > 0).map((t) => `${t.term}: ${t.missed.join(', ')}`);
    expect(missed).toEqual([]);
    expect(report.recall).toBe(1);
  });

  it('puts first the page the ranking rule names (title, then heading, then most occurrences) for most terms', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.85);
  });
});
