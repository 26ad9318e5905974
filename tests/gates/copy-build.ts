/**
 * A whole build of the site in a copy of the project (tests/.tmp/builds/NAME:
 * src, content, scripts, public and the config, and node_modules as hard
 * links without its caches), from its own converter run — so it shares no
 * state with dist/ and can run from a different plan text. node_modules is a
 * real folder beside src, not a symlink: Astro derives its scoped class names
 * from the path of each component relative to the project, which must be the
 * same as in a fresh clone. Used by the
 * determinism gate (same inputs, must give the same bytes) and the security
 * gate (hostile plan text, must stay text).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, TMP } from '../site/build-site';

const COPIED = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Environment for a child build: vitest's own Vite variables would be taken for the site's. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'BASE_PATH'].includes(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return env;
}

/**
 * Runs node with `args` in `cwd`. Asynchronous on purpose: a build takes
 * longer than vitest lets a worker's event loop stay blocked.
 */
function run(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${args.join(' ')} failed in ${cwd} (${code ?? signal}):\n${output}`));
    });
  });
}

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
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  mkdirSync(root, { recursive: true });
  for (const entry of COPIED) {
    cpSync(path.join(ROOT, entry), path.join(root, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(ROOT, 'src/content/generated')),
    });
  }
  const links = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')], { encoding: 'utf8' });
  if (links.status !== 0) throw new Error(`cp -al node_modules failed: ${links.stderr}`);
  // Astro's and Vite's caches are the real project's: a fresh clone has none.
  for (const cache of ['.astro', '.vite']) rmSync(path.join(root, 'node_modules', cache), { recursive: true, force: true });
  const input = path.join(root, 'content/source/beijing-14th-five-year-plan.txt');
  if (planText !== undefined) writeFileSync(input, planText);
  const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
  await run(root, [bin('tsx', 'dist/cli.mjs'), 'scripts/convert.ts', '--quiet', '--input', input, '--out', 'src/content/generated']);
  await run(root, [bin('astro', 'astro.js'), 'build']);
  return { root, outDir: path.join(root, 'dist'), seconds: (Date.now() - started) / 1000 };
}
