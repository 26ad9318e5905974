/**
 * What the quality gates share: the published URL list, the pages audited in
 * the browser, and copies of the built site to plant defects in
 * (a gate is only trusted once it has been seen to catch one).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plan } from '../../src/convert/model';
import { chapterPath, partPath } from '../../src/site/site-paths';
import { ROOT, TMP } from '../site/build-site';
import { fileForPath } from '../site/html';
import { chapterPageText } from '../site/plan-text';

/** The URLs in tests/urls.txt (the published-URL contract), without comments and blank lines. */
export function listedUrls(): string[] {
  return readFileSync(path.join(ROOT, 'tests/urls.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The 章 with the most characters of plan text, and its path. */
export function longestChapter(plan: Plan): { path: string; chars: number } {
  let best = { path: '', chars: -1 };
  for (const part of plan.parts) {
    for (const chapter of part.chapters) {
      const chars = [...chapterPageText(chapter)].length;
      if (chars > best.chars) best = { path: chapterPath(part.n, chapter.n), chars };
    }
  }
  return best;
}

/** A page the browser gates audit, and why it is on the list. */
export interface AuditedPage {
  url: string;
  what: string;
}

/**
 * The pages the accessibility gate audits: home, a 篇 page, the longest
 * chapter, the pages of the tables, packages, boxes and search, 关于本版 and
 * the whole 目录.
 */
export function auditedPages(plan: Plan): AuditedPage[] {
  return [
    { url: '/', what: 'home' },
    { url: partPath(plan.parts[0]!.n), what: 'a 篇 page' },
    { url: longestChapter(plan).path, what: 'the longest chapter' },
    { url: '/indicators/', what: 'the indicators table' },
    { url: '/packages/', what: 'the 附表 of packages' },
    { url: '/packages/1/', what: 'one package' },
    { url: '/boxes/', what: 'the list of 专栏' },
    { url: '/search/', what: 'the search page' },
    { url: '/about/', what: 'about this edition' },
    { url: '/contents/', what: 'the whole 目录' },
  ];
}

/** True when `url` is published (listed in tests/urls.txt). */
export function isListed(url: string): boolean {
  return listedUrls().includes(url);
}

/**
 * A fresh copy of the built site at tests/.tmp/gate-copies/NAME, for a test
 * to damage without touching the real build.
 */
export function copySite(outDir: string, name: string): string {
  const copy = path.join(TMP, 'gate-copies', name);
  rmSync(copy, { recursive: true, force: true, maxRetries: 5 });
  mkdirSync(path.dirname(copy), { recursive: true });
  cpSync(outDir, copy, { recursive: true });
  return copy;
}

/** Rewrites the page at site path `url` in `dir` with `edit`; fails if the edit changes nothing. */
export function editPage(dir: string, url: string, edit: (html: string) => string): void {
  const file = fileForPath(dir, url);
  if (!existsSync(file)) throw new Error(`no page ${url} in ${dir}`);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`planting a defect in ${url} changed nothing`);
  writeFileSync(file, after);
}
