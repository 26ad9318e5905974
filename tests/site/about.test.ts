/**
 * 关于本版 (/about/): it lists every correction and every structure decision
 * of the reviewed files (count and content, in the files' order), states the
 * document, the printed edition and where the official text is, shows the
 * SHA-256 of the source and the commit the site was built from; every page's
 * footer links to it (under the base too). The build information falls back
 * gracefully outside a git checkout, and its date never comes from the clock
 * of a build of a commit (the determinism gate compares two such builds).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_FILE, readBuildInfo } from '../../src/site/about/build-info-fs';
import { ABOUT_PATH, isPageRedirect } from '../../src/site/site-paths';
import { corrections, decisions, plan, repoRoot, sourceBytes } from '../helpers/real-plan';
import { DEFAULT_BUILD, SUBPATH_BUILD, ensureBuilt } from './build-site';
import { toString } from 'hast-util-to-string';
import { attributeOf, attributeValues, elementsIn, elementsOf, htmlFiles, pathOfFile, readPage, textContent } from './html';

/** The text of each `<td>` of each entry row of the table marked `data-about="name"`. */
function entryRows(html: string, name: string): string[][] {
  const tables = elementsOf(html, `table[data-about="${name}"]`);
  expect(tables, name).toHaveLength(1);
  return elementsIn(tables[0]!, 'tr[data-about-entry]').map((row) => elementsIn(row, 'td').map((cell) => toString(cell)));
}

const text = textContent;
/** The text of the one element of `html` matching `selector`. */
const textOfOne = (html: string, selector: string) => {
  const found = elementsOf(html, selector);
  expect(found, selector).toHaveLength(1);
  return toString(found[0]!);
};
const git = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });

describe('关于本版', () => {
  let html: string;
  beforeAll(async () => {
    html = readPage(await ensureBuilt(DEFAULT_BUILD), ABOUT_PATH);
  }, 600_000);

  it('lists every correction with its line, raw and corrected text and reason', () => {
    const rows = entryRows(html, 'corrections');
    expect(rows).toHaveLength(corrections.length);
    expect(rows).toEqual(corrections.map((c) => [String(c.line), c.raw, c.corrected, c.reason]));
    expect(text(html)).toContain(`文字更正（${corrections.length}处）`);
  });

  it('lists every structure decision with its line, its words and reason, in the file’s order', () => {
    const expected = [
      ...decisions.boxEnds.map((d) => [d.line, d.startsWith, d.reason, `专栏${d.box}`]),
      ...decisions.leads.map((d) => [d.line, d.startsWith, d.reason, d.lead ? '是段首句' : '不是段首句']),
      ...decisions.paragraphStarts.map((d) => [d.line, d.startsWith, d.reason, '另起一段']),
      ...decisions.sentenceSplits.map((d) => [d.line, d.at, d.reason, d.at]),
    ] as [number, string, string, string][];
    const rows = entryRows(html, 'decisions');
    expect(rows).toHaveLength(expected.length);
    rows.forEach(([, line, words, decision, reason], i) => {
      const [eLine, eWords, eReason, eDecision] = expected[i]!;
      expect([line, words, reason], `decision ${i + 1}`).toEqual([String(eLine), eWords, eReason]);
      expect(decision, `decision ${i + 1}`).toContain(eDecision);
    });
    expect(text(html)).toContain(`结构判定（${expected.length}处）`);
  });

  it('says what the document is, which printed pages it follows and where the official text is', () => {
    const page = text(html);
    expect(page).toContain(`《${plan.title}》`);
    expect(page).toContain('北京市人民政府');
    expect(page).toContain('2021年1月27日北京市第十五届人民代表大会第四次会议批准');
    expect(page).toContain('第1页编到第218页');
    expect(page).toContain('共218个');
    expect(page).toContain('PDF 文件的文本提取');
    expect(page).toContain('本版不是官方版本');
    expect(attributeValues(html, 'href')).toContain('https://www.beijing.gov.cn/');
    expect(page).toContain('规划计划');
  });

  it('shows the SHA-256 of the source and the commit it was built from', () => {
    const sha = createHash('sha256').update(sourceBytes).digest('hex');
    expect(textOfOne(html, 'code.about-hash[data-build="sha256"]')).toBe(sha);
    const head = git(['rev-parse', 'HEAD']);
    if (head.status === 0) expect(textOfOne(html, 'code.about-hash[data-build="commit"]')).toBe(head.stdout.trim());
    else expect(textOfOne(html, '[data-build="commit"]')).toMatch(/^不详/);
    const dates = elementsOf(html, 'time[data-build="date"]');
    expect(dates).toHaveLength(1);
    expect(attributeOf(dates[0]!, 'datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the footer link to 关于本版', () => {
  it.each([DEFAULT_BUILD, SUBPATH_BUILD])('is on every page of the build at $base', async (build) => {
    const dir = await ensureBuilt(build);
    const pages = htmlFiles(dir).filter((rel) => !isPageRedirect(pathOfFile(rel)));
    expect(pages.length).toBeGreaterThan(80);
    const linksHere = (html: string) => elementsOf(html, `a[href="${build.base}about/"]`).some((a) => toString(a) === '关于本版');
    expect(pages.filter((rel) => !linksHere(readFileSync(path.join(dir, rel), 'utf8')))).toEqual([]);
  }, 600_000);
});

describe('build information', () => {
  let outside: string;
  beforeAll(() => {
    // A copy of the project outside any git checkout (a tarball, say).
    outside = mkdtempSync(path.join(tmpdir(), 'gangyao-no-git-'));
    mkdirSync(path.join(outside, path.dirname(SOURCE_FILE)), { recursive: true });
    cpSync(path.join(repoRoot, SOURCE_FILE), path.join(outside, SOURCE_FILE));
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('in a checkout: the commit, dated by the commit unless SOURCE_DATE_EPOCH says otherwise', () => {
    const head = git(['rev-parse', 'HEAD']);
    if (head.status !== 0) return;
    const info = readBuildInfo(repoRoot, {}, new Date('2040-01-01T00:00:00Z'));
    expect(info.commit).toBe(head.stdout.trim());
    expect(info.dateFrom).toBe('commit');
    expect(info.date).toBe(new Date(Number(git(['show', '-s', '--format=%ct', 'HEAD']).stdout.trim()) * 1000).toISOString().slice(0, 10));
    expect(readBuildInfo(repoRoot, { SOURCE_DATE_EPOCH: '1611705600' })).toMatchObject({ date: '2021-01-27', dateFrom: 'SOURCE_DATE_EPOCH' });
  });

  it('outside a checkout: no commit, the day of the build, the same source hash', () => {
    const info = readBuildInfo(outside, {}, new Date('2040-01-01T12:00:00Z'));
    expect(info).toEqual({
      sourceFile: SOURCE_FILE,
      sourceSha256: createHash('sha256').update(sourceBytes).digest('hex'),
      commit: null,
      modified: false,
      date: '2040-01-01',
      dateFrom: 'clock',
    });
  });
});
