/**
 * The recall measurement of the site's search: each term of a list goes
 * through the built site's search page in Chromium (its own code over its own
 * Pagefind bundle, as a reader types it), and the pages it lists are compared
 * with the pages whose indexed text holds the term (indexed-text.ts).
 *
 * - page-level recall = |listed ∩ holding| / |holding|, summed over the terms;
 * - top-1 = the first page listed is one the ranking rule puts first: of the
 *   pages whose title holds the term, one with the most occurrences; if none,
 *   of those with a section heading that holds it; else of all pages holding
 *   it (search/phrase-search.ts, in the bundle: a reference work's order);
 * - most-first = the first page listed is one with the most occurrences of
 *   all (the measure before titles and headings ranked first), reported.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { parseFragment } from '../../src/search/pagefind-internals';
import { PAGEFIND_DIR } from '../../src/search/search-paths';
import { htmlFiles, pathOfFile } from '../site/html';
import { indexedText, occurrences } from './indexed-text';

/** The terms of a list file: one a line, `#` comments and blank lines skipped. */
export function readTerms(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A page Pagefind indexes, with its indexed text. */
export interface IndexedPageText {
  url: string;
  text: string;
}

/** Every page of the build in `outDir` that Pagefind indexes. */
export function indexedPages(outDir: string): IndexedPageText[] {
  return htmlFiles(outDir).flatMap((file) => {
    const text = indexedText(readFileSync(path.join(outDir, file), 'utf8'));
    return text === null ? [] : [{ url: pathOfFile(file), text }];
  });
}

/** The words of each page as the index holds them (its Pagefind fragment's text), by site path. */
export function indexedWords(outDir: string): Map<string, string[]> {
  const dir = path.join(outDir, PAGEFIND_DIR, 'fragment');
  return new Map(
    readdirSync(dir).map((name) => {
      const fragment = parseFragment(gunzipSync(readFileSync(path.join(dir, name))).toString('utf8'));
      return [fragment.url, fragment.content.split(' ')];
    }),
  );
}

/**
 * Runs each term through the search page open in `page` (submitting its
 * form) and returns the site paths it lists, in order.
 */
export async function searchOnPage(page: Page, terms: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const term of terms) {
    await page.fill('#search-page-input', term);
    await page.locator('#search-page-input').press('Enter');
    await page.waitForFunction(
      (t) => {
        const list = document.querySelector('#search-page-results');
        return list?.getAttribute('data-query') === t.trim() && list.getAttribute('aria-busy') === 'false';
      },
      term,
    );
    found.set(term, await page.locator('#search-page-results > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.url!)));
  }
  return found;
}

/** The measurement of one term. */
export interface TermMeasure {
  term: string;
  /** Pages holding the term, with their occurrences. */
  holding: { url: string; count: number }[];
  listed: string[];
  missed: string[];
  /** The first page listed is one the ranking rule puts first. */
  top1: boolean;
  /** The first page listed has the most occurrences of all pages. */
  mostFirst: boolean;
}

/** What the ranking rule reads of a page besides its text: its title and section headings. */
export interface PageLabels {
  title: string;
  headings: readonly string[];
}

/** The figures of a list. */
export interface RecallReport {
  terms: TermMeasure[];
  pagesHolding: number;
  pagesFound: number;
  recall: number;
  top1: number;
  mostFirst: number;
}

/** Compares what the search listed with the pages that hold each term. */
export function measure(
  pages: readonly IndexedPageText[],
  found: ReadonlyMap<string, string[]>,
  labels: ReadonlyMap<string, PageLabels> = new Map(),
): RecallReport {
  const terms = [...found].map(([term, listed]): TermMeasure => {
    const holding = pages.map((p) => ({ url: p.url, count: occurrences(p.text, term) })).filter((p) => p.count > 0);
    const mostOf = (list: typeof holding) => list.filter((p) => p.count === Math.max(0, ...list.map((q) => q.count)));
    const titled = holding.filter((p) => occurrences(labels.get(p.url)?.title ?? '', term) > 0);
    const headed = holding.filter((p) => (labels.get(p.url)?.headings ?? []).some((h) => occurrences(h, term) > 0));
    const best = mostOf(titled.length > 0 ? titled : headed.length > 0 ? headed : holding);
    return {
      term,
      holding,
      listed,
      missed: holding.filter((p) => !listed.includes(p.url)).map((p) => p.url),
      top1: listed.length > 0 && best.some((p) => p.url === listed[0]),
      mostFirst: listed.length > 0 && mostOf(holding).some((p) => p.url === listed[0]),
    };
  });
  const pagesHolding = terms.reduce((n, t) => n + t.holding.length, 0);
  const pagesFound = terms.reduce((n, t) => n + t.holding.length - t.missed.length, 0);
  return {
    terms,
    pagesHolding,
    pagesFound,
    recall: pagesHolding === 0 ? 0 : pagesFound / pagesHolding,
    top1: terms.length === 0 ? 0 : terms.filter((t) => t.top1).length / terms.length,
    mostFirst: terms.length === 0 ? 0 : terms.filter((t) => t.mostFirst).length / terms.length,
  };
}
