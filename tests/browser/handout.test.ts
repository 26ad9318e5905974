/**
 * Handouts: a chapter, the chapter holding the indicators table, the 附表
 * and the whole 目录 printed to PDF in Chromium (`page.pdf()`, the page's own `@page` size) and
 * read back sheet by sheet with poppler's `pdftotext`. Every sheet carries
 * the running header (short title, 篇, 章, sheet number), the first opens
 * with the plan's title above the chapter, the last ends with the address the
 * page was served from, no sheet is empty, the 附表 prints as its three
 * columns and the 目录 every entry with its printed page. The PDFs go to tests/.tmp/screenshots/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { CONTENTS_LABEL, findChapter, SITE_TITLE, tableOfContents, type TocEntry } from '../../src/site/plan/plan-nav';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { CONTENTS_PATH, chapterPath, PACKAGES_PATH } from '../../src/site/site-paths';
import { closeContexts, sharedBrowser } from './test-browser';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { serveStatic, type StaticServer } from './static-server';

const SHOTS = path.join(TMP, 'screenshots');
let browser: Browser;
let server: StaticServer;
let plan: Plan;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  plan = readPlan();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

/** Prints `url` to a PDF as a reader would (Ctrl+P, the page's own sheet size) and returns the text of each sheet. */
async function printedSheets(url: string): Promise<string[]> {
  return sheetsOf(await printToPdf(url));
}

/** Prints `url` to a PDF as a reader would and returns the file. */
async function printToPdf(url: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(server.origin + url);
  await page.waitForFunction(() => (document.querySelector('[data-page-address]')?.textContent ?? '') !== '');
  const file = path.join(SHOTS, `handout${url.replace(/\/+/g, '-').replace(/-$/, '')}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true });
  await page.close();
  return file;
}

/** The text of each sheet of the PDF `file`; with `layout`, each line as it stands on the sheet (columns kept on one line). */
function sheetsOf(file: string, layout = false): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every sheet with a form feed.
  return text.split('\f').slice(0, -1);
}

const lines = (sheet: string) => sheet.split('\n').map((l) => l.trim()).filter(Boolean);

function expectHandout(sheets: string[], header: string, firstLines: string[], url: string): void {
  expect(sheets.length).toBeGreaterThanOrEqual(2);
  /** The sheet number as pdftotext reads it (`1/5`: it drops the thin spaces). */
  const isNumber = (l: string) => /^\d+\s*\/\s*\d+$/.test(l);
  sheets.forEach((sheet, i) => {
    const text = lines(sheet);
    // The running header and the sheet number on every sheet, first and second included.
    expect(text, `sheet ${i + 1}`).toContain(header);
    expect(text.filter(isNumber).map((l) => l.replace(/\s/g, '')), `sheet ${i + 1}`).toEqual([`${i + 1}/${sheets.length}`]);
    // No sheet holds nothing but its header.
    expect(text.filter((l) => l !== header && !isNumber(l)).length, `sheet ${i + 1} is empty`).toBeGreaterThan(0);
  });
  // The first sheet opens with the plan's title above the heading.
  const first = lines(sheets[0]!).filter((l) => l !== header && !isNumber(l));
  // (A long heading wraps onto a second line, so the lines are compared run together.)
  expect(first.join('').startsWith(firstLines.join('')), first.slice(0, 4).join('\n')).toBe(true);
  // The foot of the handout: the address it was served from.
  expect(lines(sheets.at(-1)!).join('')).toContain(`本页网址：${server.origin}${url}`);
}

describe('printed handouts', () => {
  it('prints /part-5/chapter-2/ with the plan, 篇 and 章 on every sheet', async () => {
    const { part, chapter } = findChapter(plan, 5, 2);
    const sheets = await printedSheets(chapterPath(5, 2));
    expectHandout(sheets, `${SITE_TITLE} · ${part.label} · ${chapter.label} ${chapter.title}`, [plan.title, `${part.label} ${part.title}`, `${chapter.label} ${chapter.title}`], chapterPath(5, 2));
  });

  it('prints /part-1/chapter-3/ with its indicators table and no blank last sheet', async () => {
    const { part, chapter } = findChapter(plan, 1, 3);
    const sheets = await printedSheets(chapterPath(1, 3));
    expectHandout(sheets, `${SITE_TITLE} · ${part.label} · ${chapter.label} ${chapter.title}`, [plan.title, `${part.label} ${part.title}`, `${chapter.label} ${chapter.title}`], chapterPath(1, 3));
    // The table with its 25 rows made it onto paper.
    expect(sheets.join('')).toContain('细颗粒物年均浓度');
  });

  it('prints the 附表 as its three-column table', async () => {
    const sheets = await printedSheets(PACKAGES_PATH);
    const heading = `${plan.appendix.label} ${plan.appendix.title}`;
    expectHandout(sheets, `${SITE_TITLE} · ${heading}`, [plan.title, heading], PACKAGES_PATH);
    // The header row reads across as three columns (stacked cards repeat the labels in every row instead).
    const text = sheets.join('\n');
    expect(text).toMatch(/名称\s*\n\s*建设目标\s*\n\s*主要内容/);
    expect(text.match(/建设目标/g)!.length).toBeLessThanOrEqual(sheets.length + 1);
  });

  it('prints the whole 目录: every entry on a line of its own with its printed page, in order', async () => {
    const file = await printToPdf(CONTENTS_PATH);
    expectHandout(sheetsOf(file), `${SITE_TITLE} · ${CONTENTS_LABEL}`, [plan.title, CONTENTS_LABEL], CONTENTS_PATH);
    const flat = (entries: TocEntry[]): TocEntry[] => entries.flatMap((e) => [e, ...flat(e.children)]);
    const entries = flat(tableOfContents(plan));
    expect(entries).toHaveLength(14 + 54 + 163 + 1);
    // As the sheet sets them: numbering and title, then (the leader drawn, not text) the page number at the end of the line.
    const rows = sheetsOf(file, true)
      .flatMap((sheet) => sheet.split('\n'))
      .map((line) => line.trim().match(/^(.+?)\s{2,}(\d+)$/))
      .flatMap((m) => (m ? [`${m[1]!.replace(/\s+/g, '')} ${m[2]}`] : []));
    expect(rows).toEqual(entries.map((e) => `${e.label}${e.title} ${e.page}`));
  });
});
