/**
 * Ranking as a reference work ranks: each term of tests/search/title-terms.txt
 * names one chapter in its title; searched on the built site's search page,
 * that chapter must come first. The figure (N/M first) is printed and
 * written to tests/.tmp/search-title-terms.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageMap } from '../../src/search/page-map';
import { holdsTerms } from '../../src/search/phrase-search';
import { termKeys } from '../../src/search/units';
import { DEFAULT_BUILD, ROOT, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';
import { closeContexts, sharedBrowser } from './test-browser';

const LIST = path.join(ROOT, 'tests/search/title-terms.txt');

/** The list: `term<TAB>chapter path`, `#` comments skipped. */
const titleTerms = readFileSync(LIST, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [term = '', url = ''] = line.split('\t');
    return { term: term.trim(), url: url.trim() };
  });

let browser: Browser;
let server: StaticServer;
let page: Page;
let map: PageMap;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  map = JSON.parse(readFileSync(path.join(outDir, 'search/pages.json'), 'utf8')) as PageMap;
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${server.origin}/search/`);
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

describe('ranking on the title-term list', () => {
  it('has at least 20 terms, each in the title of its chapter and of no other page', () => {
    expect(titleTerms.length).toBeGreaterThanOrEqual(20);
    for (const { term, url } of titleTerms) {
      const holders = map.pages.filter((p) => holdsTerms(p.title, [termKeys(term)])).map((p) => p.url);
      expect(holders, term).toEqual([url]);
    }
  });

  it('puts the titled chapter first for every term', async () => {
    const firsts: { term: string; url: string; first: string | null }[] = [];
    for (const { term, url } of titleTerms) {
      await page.fill('#search-page-input', term);
      await page.locator('#search-page-input').press('Enter');
      await page.waitForFunction(
        (t) => {
          const list = document.querySelector('#search-page-results');
          return list?.getAttribute('data-query') === t && list.getAttribute('aria-busy') === 'false';
        },
        term,
      );
      const first = await page.locator('#search-page-results > li').first().getAttribute('data-url');
      firsts.push({ term, url, first });
    }
    const right = firsts.filter((f) => f.first === f.url).length;
    mkdirSync(TMP, { recursive: true });
    writeFileSync(path.join(TMP, 'search-title-terms.json'), JSON.stringify({ right, of: firsts.length, firsts }, null, 2));
    console.log(`title terms: ${right}/${firsts.length} put the titled chapter first`);
    expect(firsts.filter((f) => f.first !== f.url)).toEqual([]);
  });
});
