/**
 * Builds the site once for the site and browser tests.
 *
 * Several test files (in parallel workers) need the build; a lock directory
 * makes one of them build while the others wait, and a stamp skips the build
 * when no input changed since the last one and HEAD is the same commit (the
 * build shows its commit on /about/) (SITE_TESTS_REBUILD=1 forces one
 * build per test run; workers of one run share their parent process).
 * The default build is the real one: `npm run build` (converter + astro build);
 * while scripts/convert.ts does not exist yet, `astro build` on the content
 * already in src/content/generated.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for test output (gitignored). */
export const TMP = path.join(ROOT, 'tests/.tmp');

/** One way of building the site. */
export interface SiteBuild {
  name: string;
  outDir: string;
  /** BASE_PATH of the build. */
  base: string;
  /** SITE_URL of the build: the address it is published at, or none. */
  site?: string;
}

/** What `npm run build` produces: base `/`, no SITE_URL, into dist/. */
export const DEFAULT_BUILD: SiteBuild = { name: 'dist', outDir: path.join(ROOT, 'dist'), base: '/' };
/** The same content deployed under a sub-path, with the address it is published at. */
export const SUBPATH_BUILD: SiteBuild = {
  name: 'dist-subpath',
  outDir: path.join(TMP, 'dist-subpath'),
  base: '/plan/',
  site: 'https://gangyao.example',
};

const INPUTS = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** The commit checked out, or '' outside a git checkout. */
function headCommit(): string {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

function inputsMtime(): number {
  return Math.max(...INPUTS.map((input) => newestMtime(path.join(ROOT, input))));
}

/**
 * The environment of a build: vitest exports Vite's own variables (BASE_URL,
 * MODE, NODE_ENV=test, …) into process.env, and Astro would take them for the
 * site's, so they are dropped.
 */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs a build step. Asynchronous: a build can take longer than vitest lets a
 * worker's event loop stay blocked (its RPC times out after a minute).
 */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: buildEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${stdout}\n${stderr}`));
    });
  });
}

async function runBuild(build: SiteBuild): Promise<void> {
  // SITE_URL set empty, not left to the caller's environment: the default build has none.
  const env = { BASE_PATH: build.base, SITE_URL: build.site ?? '' };
  if (build === DEFAULT_BUILD && existsSync(path.join(ROOT, 'scripts/convert.ts'))) {
    await run('npm', ['run', 'build'], env);
  } else {
    await run('npx', ['astro', 'build', '--outDir', build.outDir], env);
  }
}

async function withLock<T>(name: string, action: () => Promise<T>): Promise<T> {
  mkdirSync(TMP, { recursive: true });
  const lock = path.join(TMP, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the deadline is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds `build` unless an up-to-date build of it exists; returns its outDir. */
export async function ensureBuilt(build: SiteBuild = DEFAULT_BUILD): Promise<string> {
  // The sub-path build reuses the converter output of the default build.
  if (build !== DEFAULT_BUILD) await ensureBuilt(DEFAULT_BUILD);
  return withLock(build.name, async () => {
    const stampFile = path.join(TMP, `${build.name}.stamp.json`);
    const runId = String(process.ppid);
    const stamp = existsSync(stampFile)
      ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { builtAt: number; runId: string; commit?: string })
      : null;
    const fresh =
      stamp !== null &&
      existsSync(path.join(build.outDir, 'index.html')) &&
      stamp.builtAt >= inputsMtime() &&
      stamp.commit === headCommit() &&
      (process.env.SITE_TESTS_REBUILD !== '1' || stamp.runId === runId);
    if (!fresh) {
      const started = Date.now();
      await runBuild(build);
      const builtAt = Date.now();
      writeFileSync(stampFile, JSON.stringify({ builtAt, runId, commit: headCommit(), seconds: (builtAt - started) / 1000 }));
    }
    return build.outDir;
  });
}
