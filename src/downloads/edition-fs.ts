/**
 * Reads the edition of this build from disk: the package version, the sha256
 * of the embedded source text, and the time of the last change. The time is
 * `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the
 * committer time of HEAD, else the date of approval: never the clock, so that
 * two builds of the same inputs give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { editionVersion, utcSeconds, type Edition } from './edition';

/**
 * The project root. The build runs there (`npm run build`); this module is
 * bundled into Astro's build output, so `import.meta.url` does not point into
 * src/ when it runs.
 */
const ROOT = process.cwd();
/** The embedded source text the site is converted from. */
export const SOURCE_FILE = path.join(ROOT, 'content/source/beijing-14th-five-year-plan.txt');
/** Used when neither SOURCE_DATE_EPOCH nor git gives a time. */
const FALLBACK_TIME = '2021-01-27T00:00:00Z';

function lastChange(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return utcSeconds(new Date(Number(epoch) * 1000));
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (/^\d+$/.test(out)) return utcSeconds(new Date(Number(out) * 1000));
  } catch {
    // Not a git checkout (an unpacked archive): fall through.
  }
  return FALLBACK_TIME;
}

/** The edition of the files in this checkout. */
export function readEdition(): Edition {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const sourceSha256 = createHash('sha256').update(readFileSync(SOURCE_FILE)).digest('hex');
  return { version: editionVersion(pkg.version, sourceSha256), sourceSha256, modified: lastChange() };
}
