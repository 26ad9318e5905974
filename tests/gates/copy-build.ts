/**
 * A whole build of the site in a copy of the project (tests/.tmp/builds/NAME:
 * src, content, scripts, public and the config, and node_modules as hard
 * links without its caches), from its own converter run — so it shares no
 * state with dist/ and can run from a different plan text. node_modules is a
 * real folder beside src, not a symlink: Astro derives its scoped class names
 * from the path of each component relative to the project, which must be the
 * same as in a fresh clone. Used by the
 * determinism gate (same inputs, must give the same bytes) and the security
 * gate (hostile plan text, must stay text), each in its beforeAll hook.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, TMP, runCommand } from '../site/build-site';

const COPIED = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** What a copy build produced. */
export interface CopyBuild {
  /** Root of the project copy. */
  root: string;
  /** Its built site. */
  outDir: string;
  seconds: number;
}

/**
 * Builds the project in a fresh copy named `name`, converting `planText` (the
 * embedded plan when omitted), exactly as `npm run build` does.
 */
export async function buildCopy(name: string, planText?: string): Promise<CopyBuild> {
  const started = Date.now();
  const root = path.join(TMP, 'builds', name);
  // Asynchronous: the last run's copy holds node_modules' ~24,000 links, and
  // removing them synchronously can block the worker past vitest's one-minute
  // RPC timeout on a loaded machine.
  await rm(root, { recursive: true, force: true, maxRetries: 5 });
  mkdirSync(root, { recursive: true });
  for (const entry of COPIED) {
    cpSync(path.join(ROOT, entry), path.join(root, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(ROOT, 'src/content/generated')),
    });
  }
  await runCommand('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')]);
  // Astro's and Vite's caches are the real project's: a fresh clone has none.
  for (const cache of ['.astro', '.vite']) await rm(path.join(root, 'node_modules', cache), { recursive: true, force: true });
  const input = path.join(root, 'content/source/beijing-14th-five-year-plan.txt');
  if (planText !== undefined) writeFileSync(input, planText);
  const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
  await runCommand(process.execPath, ['--import', 'tsx', 'scripts/convert.ts', '--quiet', '--input', input, '--out', 'src/content/generated'], { cwd: root });
  await runCommand(process.execPath, [bin('astro', 'astro.js'), 'build'], { cwd: root });
  return { root, outDir: path.join(root, 'dist'), seconds: (Date.now() - started) / 1000 };
}
