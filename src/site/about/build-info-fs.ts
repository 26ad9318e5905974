/**
 * Which text and which build a reader is looking at, read when the site is
 * built (for /about/): the SHA-256 of the source file `npm run build`
 * converts, the git commit of the checkout, and the build's date.
 *
 * The date must not make two builds of the same inputs differ (the
 * determinism gate compares them byte for byte), so it is not the clock's:
 * it is `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention),
 * else the date of the commit built; only a build outside a git checkout
 * falls back to the day it ran.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The source file `npm run build` converts, relative to the project root. */
export const SOURCE_FILE = 'content/source/beijing-14th-five-year-plan.txt';

/** What a build knows of itself. */
export interface BuildInfo {
  /** Project-relative path of the source text. */
  sourceFile: string;
  /** Lowercase hex SHA-256 of its bytes. */
  sourceSha256: string;
  /** The full commit hash, or null when the project is not a git checkout (a tarball, say). */
  commit: string | null;
  /** True when tracked files differ from the commit (the build is of the commit plus local changes). */
  modified: boolean;
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Where the date comes from. */
  dateFrom: 'SOURCE_DATE_EPOCH' | 'commit' | 'clock';
}

function git(root: string, args: string[]): string | null {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The build information of the project at `root`; `env` and `now` are the
 * process's unless given. The default root is the working directory: Astro's
 * project root when the config sets none (a page's module is bundled
 * elsewhere, so its own URL does not lead back to the project).
 */
export function readBuildInfo(root = process.cwd(), env: NodeJS.ProcessEnv = process.env, now = new Date()): BuildInfo {
  const sourceSha256 = createHash('sha256').update(readFileSync(path.join(root, SOURCE_FILE))).digest('hex');
  const commit = git(root, ['rev-parse', '--verify', 'HEAD']);
  const modified = commit !== null && (git(root, ['status', '--porcelain', '--untracked-files=no']) ?? '') !== '';
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) {
    return { sourceFile: SOURCE_FILE, sourceSha256, commit, modified, date: day(new Date(epoch * 1000)), dateFrom: 'SOURCE_DATE_EPOCH' };
  }
  const committed = commit && git(root, ['show', '-s', '--format=%ct', commit]);
  if (committed) {
    return { sourceFile: SOURCE_FILE, sourceSha256, commit, modified, date: day(new Date(Number(committed) * 1000)), dateFrom: 'commit' };
  }
  return { sourceFile: SOURCE_FILE, sourceSha256, commit, modified, date: day(now), dateFrom: 'clock' };
}
