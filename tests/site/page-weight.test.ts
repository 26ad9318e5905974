/**
 * Page weight on the built files (tests/site/page-weight.ts): what the longest
 * chapter costs in gzip on a first and a repeat visit — its HTML, the CSS it
 * links and the JS it loads before any interaction — and what every other
 * page but /full/, /terms/ and /search/ costs, every kind of page among them.
 * Where issue 13's budgets (30 KB and 16 KB) are not met yet, the test holds
 * pages to the figures reached (FIRST_VISIT_CEILINGS), so none grows
 * heavier unnoticed, and `npm run bench` prints the budgets
 * (scripts/bench-page-weight.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../src/convert/model';
import { longestChapter } from '../gates/gate-site';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { builtPages, ceilingOf, isBudgeted, pageWeight, referencedFiles, staticImports } from './page-weight';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('page weight', () => {
  let outDir: string;
  let chapter: string;
  beforeAll(async () => {
    outDir = await ensureBuilt(DEFAULT_BUILD);
    const plan = planSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'data/plan.json'), 'utf8')));
    chapter = longestChapter(plan).path;
  });

  it('reads the files a page loads: links, scripts and their static imports, not import()', () => {
    expect(referencedFiles('<link rel="stylesheet" href="/a.css"><link rel="manifest" href="/m"><script type="module" src="/b.js"></script><script>x</script>')).toEqual({ css: ['/a.css'], js: ['/b.js'] });
    expect(staticImports('import{a as b}from"./c.js";import"./d.js";export{e}from"./f.js";import("./lazy.js")')).toEqual(['./c.js', './d.js', './f.js']);
  });

  it('keeps the longest chapter within its ceiling on a first visit and its budget on a repeat visit', () => {
    const w = pageWeight(outDir, chapter);
    const report = `${chapter}: first ${kb(w.first.total)} (HTML ${kb(w.first.html)}, CSS ${kb(w.first.css)}, JS ${kb(w.first.js)}), repeat ${kb(w.repeat.total)}`;
    expect(w.first.total, report).toBeLessThanOrEqual(ceilingOf(chapter).first);
    expect(w.repeat.total, report).toBeLessThanOrEqual(ceilingOf(chapter).repeat);
    // The 引用 panel, selection links and search dialog are not among what it loads.
    expect(w.files.map((f) => f.path).join(' ')).not.toMatch(/cite-controls|selection-link|search-dialog|render\./);
  });

  it('measures every kind of page: home, 篇, 章, the printed-page redirects, the collections, a package, the prose pages, the whole 目录 and 404', () => {
    const budgeted = builtPages(outDir).filter(isBudgeted);
    const kinds: [string, RegExp][] = [
      ['home', /^\/$/],
      ['篇', /^\/part-\d+\/$/],
      ['章', /^\/part-\d+\/chapter-\d+\/$/],
      ['printed page', /^\/page\/\d+\/$/],
      ['indicators', /^\/indicators\/$/],
      ['boxes', /^\/boxes\/$/],
      ['packages', /^\/packages\/$/],
      ['a package', /^\/packages\/\d+\/$/],
      ['about', /^\/about\/$/],
      ['data', /^\/data\/$/],
      ['downloads', /^\/downloads\/$/],
      ['contents', /^\/contents\/$/],
      ['404', /^\/404\.html$/],
    ];
    for (const [kind, pattern] of kinds) expect(budgeted.some((page) => pattern.test(page)), kind).toBe(true);
    expect(budgeted.filter((page) => /^\/part-\d+\/chapter-\d+\/$/.test(page))).toHaveLength(54);
    expect(budgeted).not.toContain('/full/');
  });

  it('sends the before-paint script minified', () => {
    const beforePaint = pageWeight(outDir, chapter).files.find((f) => /\/before-paint\.[\w-]+\.js$/.test(f.path));
    expect(beforePaint).toBeDefined();
    const code = readFileSync(path.join(outDir, beforePaint!.path), 'utf8');
    // No comment, no indentation.
    expect(code).not.toMatch(/\/\/ |\/\*|\n[ \t]+/);
  });

  it('keeps every page but /full/, /terms/ and /search/ within the budgets, or the ceiling of a page not yet within them', () => {
    const over = builtPages(outDir)
      .filter(isBudgeted)
      .map((page) => pageWeight(outDir, page))
      .filter((w) => w.first.total > ceilingOf(w.page).first || w.repeat.total > ceilingOf(w.page).repeat)
      .map((w) => `${w.page} first ${kb(w.first.total)} repeat ${kb(w.repeat.total)}`);
    expect(over).toEqual([]);
  });
});
