/**
 * `npm run convert` on bad copies of the plan: a non-zero exit, the line and
 * the reason on stderr, and the previous output left exactly as it was.
 * CRLF line ends and a byte-order mark are accepted.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../../src/convert/convert-fs.ts';
import { repoRoot, sourcePath, sourceText } from '../helpers/real-plan.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'gangyao-cli-'));
const out = join(work, 'out');
const paths = (input: string, outDir = out) => ({
  input,
  out: outDir,
  corrections: join(repoRoot, 'content/corrections.json'),
  decisions: join(repoRoot, 'content/structure-decisions.json'),
});

/** Every file under a folder with its content, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      files[full.slice(dir.length)] = readFileSync(full, 'utf8');
    }
  }
  return files;
}

async function convertCli(input: string) {
  try {
    await run(process.execPath, ['--import', 'tsx', 'scripts/convert.ts', '--input', input, '--out', out, '--quiet'], { cwd: repoRoot });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

const swapped = (() => {
  const a = '第二章营造优良的政务环境';
  const b = '第三章提供优质的政务服务';
  const body = sourceText.indexOf('第一篇开启首都现代化建设新征程第一章');
  return sourceText.slice(0, body) + sourceText.slice(body).replace(a, '\0').replace(b, a).replace('\0', b);
})();

const badCopies: Array<[string, string | Buffer, RegExp]> = [
  ['an empty file', '', /line 1: the file is empty/],
  ['a truncated file', sourceText.split('\n').slice(0, 1500).join('\n'), /line \d+: heading “第五章提高超大城市现代治理水平” .* missing/],
  ['a file cut inside a character', readFileSync(sourcePath).subarray(0, 200000), /line 1184: the file ends in the middle of a character/],
  ['a file with a heading removed', sourceText.replace('一、优化核心区中央政务空间以长安街', '以长安街'), /line \d+: heading “一、优化核心区中央政务空间” .* missing/],
  ['a file with two chapters swapped', swapped, /line \d+: heading “.+” is out of order/],
  ['a GBK-encoded copy', readFileSync(join(repoRoot, 'tests/fixtures/gbk-encoded/input.txt')), /line 1: byte 0 is not valid UTF-8/],
  ['a file with a page number missing', sourceText.replace('增150加森林碳汇', '增加森林碳汇'), /line 1735: page number 150 not found/],
];

describe('npm run convert', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    await convertFiles(paths(sourcePath));
    writeFileSync(join(out, 'docs', 'sentinel.txt'), 'from the previous run');
    before = snapshot(out);
  });

  it('wrote plan.json and one MDX file per 篇 and 章', () => {
    const files = Object.keys(before);
    expect(files).toContain('/plan.json');
    expect(files.filter((f) => f.endsWith('.mdx'))).toHaveLength(68);
  });

  for (const [name, content, message] of badCopies) {
    it(`rejects ${name} and leaves the previous output untouched`, async () => {
      expect(content).not.toEqual(sourceText); // the copy really is damaged
      const input = join(work, 'input.txt');
      writeFileSync(input, content);
      const { code, stderr } = await convertCli(input);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it('accepts CRLF line ends and a byte-order mark, with the same result', async () => {
    const input = join(work, 'crlf.txt');
    writeFileSync(input, '\ufeff' + sourceText.replace(/\n/g, '\r\n'));
    const other = join(work, 'crlf-out');
    await convertFiles(paths(input, other));
    const { '/docs/sentinel.txt': _sentinel, ...previous } = before;
    expect(snapshot(other)).toEqual(previous);
  });
});
