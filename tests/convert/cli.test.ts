/**
 * `npm run convert`: the command line (usage, wrong flags), bad copies of the
 * plan (a non-zero exit, the file, the line and the reason, the previous
 * output left exactly as it was), and an output folder holding anything but
 * the converter's own files (refused, untouched). Most cases call the
 * command's `main()` in-process; two run the real process, for its exit code
 * and its stderr as a user sees them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../scripts/convert.ts';
import { repoRoot, sourcePath, sourceText } from '../helpers/real-plan.ts';

const work = mkdtempSync(join(tmpdir(), 'gangyao-cli-'));
const out = join(work, 'out');
const reviewed = ['--corrections', join(repoRoot, 'content/corrections.json'), '--decisions', join(repoRoot, 'content/structure-decisions.json')];

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

/** Runs the command in-process; returns its exit code and what it printed. */
async function convert(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Runs the real command (node + tsx, as `npm run convert` does). */
async function convertProcess(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/convert.ts', ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the command line', () => {
  it('prints the usage for --help and -h, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await convert(flag);
      expect(code).toBe(0);
      expect(stdout).toBe(USAGE);
      expect(stdout).toMatch(/^usage: npm run convert -- \[options\]/);
      expect(stderr).toBe('');
    }
  });

  it.each([
    [['--bogus'], 'error: unknown option --bogus'],
    [['--input'], 'error: --input needs a value'],
    [['--input', '--out', 'x'], 'error: --input needs a value'],
    [['--quiet=yes'], 'error: --quiet takes no value'],
    [['plan.txt'], 'error: unexpected argument plan.txt (every argument is an --option)'],
  ])('answers %j with the usage and one line of error, exit 2', async (args, error) => {
    const { code, stdout, stderr } = await convert(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${USAGE}\n${error}`);
  });

  it('as a process: a wrong flag exits 2 with the usage and one error line, no stack trace', async () => {
    const { code, stdout, stderr } = await convertProcess('--input');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${USAGE}\nerror: --input needs a value\n`);
  });

  it('as a process: a missing file exits 1 with its path printed once', async () => {
    const missing = join(work, 'no-such-plan.txt');
    const { code, stderr } = await convertProcess('--input', missing, '--out', join(work, 'never'), '--quiet');
    expect(code).toBe(1);
    expect(stderr).toBe(`error: ${missing}: cannot read it: no such file\n`);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

const swapped = (() => {
  const a = '第二章营造优良的政务环境';
  const b = '第三章提供优质的政务服务';
  const body = sourceText.indexOf('第一篇开启首都现代化建设新征程第一章');
  return sourceText.slice(0, body) + sourceText.slice(body).replace(a, '\0').replace(b, a).replace('\0', b);
})();

const badCopies: Array<[string, string | Buffer, RegExp]> = [
  ['an empty file', '', /: line 1: the file is empty/],
  ['a truncated file', sourceText.split('\n').slice(0, 1500).join('\n'), /: line \d+: heading “第五章提高超大城市现代治理水平” .* missing/],
  ['a file cut inside a character', readFileSync(sourcePath).subarray(0, 200000), /: line 1184: the file ends in the middle of a character/],
  ['a file with a heading removed', sourceText.replace('一、优化核心区中央政务空间以长安街', '以长安街'), /: line \d+: heading “一、优化核心区中央政务空间” .* missing/],
  ['a file with two chapters swapped', swapped, /: line \d+: heading “.+” is out of order/],
  ['a GBK-encoded copy', readFileSync(join(repoRoot, 'tests/fixtures/convert/gbk-encoded/input.txt')), /: line 1: byte 0 is not valid UTF-8/],
  ['a file with a page number missing', sourceText.replace('增150加森林碳汇', '增加森林碳汇'), /: line 1735: page number 150 not found/],
];

/** The output of a good run, to compare with. */
let before: Record<string, string>;
beforeAll(async () => {
  expect((await convert('--input', sourcePath, '--out', out, '--quiet', ...reviewed)).code).toBe(0);
  before = snapshot(out);
});

describe('npm run convert on bad copies of the plan', () => {
  it('wrote plan.json and one MDX file per 篇 and 章', () => {
    const files = Object.keys(before);
    expect(files).toContain('/plan.json');
    expect(files.filter((f) => f.endsWith('.mdx'))).toHaveLength(68);
  });

  for (const [name, content, message] of badCopies) {
    it(`rejects ${name}, naming the file once, and leaves the previous output untouched`, async () => {
      expect(content).not.toEqual(sourceText); // the copy really is damaged
      const input = join(work, 'input.txt');
      writeFileSync(input, content);
      const { code, stderr } = await convert('--input', input, '--out', out, '--quiet', ...reviewed);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr.startsWith(`error: ${input}: line `)).toBe(true);
      expect(stderr.split(input)).toHaveLength(2);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it('accepts CRLF line ends and a byte-order mark, with the same result', async () => {
    const input = join(work, 'crlf.txt');
    writeFileSync(input, '\ufeff' + sourceText.replace(/\n/g, '\r\n'));
    const other = join(work, 'crlf-out');
    expect((await convert('--input', input, '--out', other, '--quiet', ...reviewed)).code).toBe(0);
    expect(snapshot(other)).toEqual(before);
  });

  it('names a bad reviewed file, not the input', async () => {
    const corrections = join(work, 'corrections.json');
    writeFileSync(corrections, '{ not json');
    const { code, stderr } = await convert('--input', sourcePath, '--out', out, '--corrections', corrections);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^error: ${corrections}: cannot read it as JSON`));
    expect(stderr).not.toContain(sourcePath);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('the output folder', () => {
  it('is refused, and left as it was, when it holds a file the converter did not write', async () => {
    for (const foreign of ['notes.txt', 'docs/draft.mdx', 'docs/part-1/notes.md']) {
      const dir = join(work, `mixed-${foreign.replace(/\W/g, '-')}`);
      expect((await convert('--input', sourcePath, '--out', dir, '--quiet', ...reviewed)).code).toBe(0);
      mkdirSync(join(dir, foreign, '..'), { recursive: true });
      writeFileSync(join(dir, foreign), 'the reader’s own file');
      const held = snapshot(dir);
      const { code, stderr } = await convert('--input', sourcePath, '--out', dir, '--quiet', ...reviewed);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `error: ${dir}: it holds files the converter did not write (${foreign}); give --out a new or empty folder, or one holding only plan.json and docs/ from an earlier run`,
      );
      expect(snapshot(dir)).toEqual(held);
    }
  });

  it('replaces an earlier run’s output, its pages of other plans included, and touches nothing beside it', async () => {
    const parent = join(work, 'parent');
    const dir = join(parent, 'generated');
    mkdirSync(join(dir, 'docs/part-15'), { recursive: true });
    writeFileSync(join(dir, 'docs/part-15/chapter-9.mdx'), 'a page of another plan, written by an earlier run');
    writeFileSync(join(dir, 'plan.json'), '{}');
    writeFileSync(join(parent, 'sibling.txt'), 'beside the output');
    expect((await convert('--input', sourcePath, '--out', dir, '--quiet', ...reviewed)).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual(['generated', 'sibling.txt']);
    expect(readFileSync(join(parent, 'sibling.txt'), 'utf8')).toBe('beside the output');
  });

  it('is refused when it is a file', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    const { code, stderr } = await convert('--input', sourcePath, '--out', file, '--quiet', ...reviewed);
    expect(code).toBe(1);
    expect(stderr).toMatch(/: it is a file, not a folder; /);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });
});
