/**
 * The built sites the end-to-end tests read (site, browser and gate tests).
 *
 * The real build (`npm run build`: converter + astro build, into dist/) is made
 * at most once per test run, by the global setup of the `site` project
 * (tests/site/global-build.ts), in the background so that the unit tests run
 * meanwhile; `ensureBuilt()` waits for it. Any other build (the sub-path build)
 * is made by the first test file that asks for it, in its `beforeAll` hook,
 * and shared with the other files of the run through a lock and a record.
 *
 * A build is reused from an earlier run when its inputs (src/, content/,
 * scripts/, public/, the config and the lock file, SITE_URL, and the commit,
 * which /about/ and the EPUB show) and its output are unchanged (a fingerprint of their bytes); SITE_TESTS_REBUILD=1 builds
 * afresh.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

declare module 'vitest' {
  export interface ProvidedContext {
    /** The id of this test run, given by the site project's global setup. */
    siteTestRun: string;
  }
}

/** The commit checked out, or '' outside a git checkout. */
function headCommit(): string {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

const RECORDS = path.join(TMP, 'builds');
const INPUTS = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** The converter's output is written by the build, not read by it. */
const NOT_INPUTS = [path.join(ROOT, 'src/content/generated')];

/** What a build left: the run it belongs to, and its outcome. */
export interface BuildRecord {
  run: string;
  ok: boolean;
  /** The inputs and output it was made from and made (when ok). */
  fingerprint?: string;
  seconds?: number;
  error?: string;
}

const recordFile = (build: SiteBuild) => path.join(RECORDS, `${build.name}.json`);

function readRecord(build: SiteBuild): BuildRecord | null {
  try {
    return JSON.parse(readFileSync(recordFile(build), 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

/** Writes a record whole (write, then rename), so a reader never sees half of one. */
export function writeRecord(build: SiteBuild, record: BuildRecord): void {
  mkdirSync(RECORDS, { recursive: true });
  const file = recordFile(build);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(record));
  renameSync(`${file}.${process.pid}`, file);
}

function hashTree(hash: ReturnType<typeof createHash>, file: string): void {
  if (!existsSync(file) || NOT_INPUTS.includes(file)) return;
  if (statSync(file).isDirectory()) {
    for (const entry of readdirSync(file).sort()) hashTree(hash, path.join(file, entry));
    return;
  }
  hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
}

/**
 * The fingerprint of a build: its inputs, its settings and its output's
 * service worker (whose precache list holds a hash of every file built).
 */
function fingerprint(build: SiteBuild): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) hashTree(hash, path.join(ROOT, input));
  hash.update(JSON.stringify({ base: build.base, outDir: build.outDir, site: build.site ?? '', commit: headCommit() }));
  hashTree(hash, path.join(build.outDir, 'sw.js'));
  return hash.digest('hex');
}

/**
 * The environment of a build: vitest exports Vite's own variables (BASE_URL,
 * MODE, NODE_ENV=test, …) into process.env, and Astro would take them for the
 * site's, so they are dropped.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'BASE_PATH'].includes(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Runs a command in `cwd`, its output kept for the error. Asynchronous: a
 * build can take longer than vitest lets a worker's event loop stay blocked
 * (its RPC times out after a minute).
 */
export function runCommand(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: buildEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}) in ${options.cwd ?? ROOT}:\n${output.slice(-20_000)}`));
    });
  });
}

const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);

async function runBuild(build: SiteBuild): Promise<void> {
  // SITE_URL set empty, not left to the caller's environment: the default build has none.
  const env = { BASE_PATH: build.base, SITE_URL: build.site ?? '' };
  if (build === DEFAULT_BUILD) {
    await runCommand('npm', ['run', 'build'], { env });
  } else {
    // The other builds reuse the converter output of the real one.
    await runCommand(process.execPath, [bin('astro', 'astro.js'), 'build', '--outDir', build.outDir], { env });
  }
}

/**
 * Makes `build` for the test run `run`, unless an earlier run left an
 * identical one (same fingerprint); records the outcome either way.
 */
export async function makeBuild(build: SiteBuild, run: string): Promise<BuildRecord> {
  const previous = readRecord(build);
  if (process.env.SITE_TESTS_REBUILD !== '1' && previous?.ok && previous.fingerprint === fingerprint(build)) {
    const record = { ...previous, run };
    writeRecord(build, record);
    return record;
  }
  const started = Date.now();
  let record: BuildRecord;
  try {
    await runBuild(build);
    record = { run, ok: true, fingerprint: fingerprint(build), seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    record = { run, ok: false, error: (e as Error).message };
  }
  writeRecord(build, record);
  return record;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `build` has a record of run `run`. */
async function recordOf(build: SiteBuild, run: string): Promise<BuildRecord> {
  for (;;) {
    const record = readRecord(build);
    if (record?.run === run) return record;
    await sleep(250);
  }
}

/** Runs `action` holding the lock `name` (a directory: mkdir is atomic); the lock of a killed run is taken over. */
async function withLock<T>(name: string, run: string, action: () => Promise<T>): Promise<T> {
  mkdirSync(RECORDS, { recursive: true });
  const lock = path.join(RECORDS, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'run'), run);
      break;
    } catch {
      let owner = '';
      try {
        owner = readFileSync(path.join(lock, 'run'), 'utf8');
      } catch {
        // Being created or removed right now.
      }
      if (owner !== '' && owner !== run) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The id of this test run (from the site project's global setup). */
export async function testRun(): Promise<string> {
  // Imported here: the global setup imports this module too, outside any test worker.
  const { inject } = await import('vitest');
  const run = inject('siteTestRun');
  if (!run) {
    throw new Error('no site build in this run: a test file that calls ensureBuilt() or buildCopy() belongs to the `site` project (vitest.config.ts)');
  }
  return run;
}

/**
 * Waits for `build` (the real build is started by the global setup; another
 * is made here by the first file that asks), and returns its outDir. Call it
 * in `beforeAll`, whose timeout is meant for builds.
 */
export async function ensureBuilt(build: SiteBuild = DEFAULT_BUILD): Promise<string> {
  const run = await testRun();
  let record: BuildRecord;
  if (build === DEFAULT_BUILD) {
    record = await recordOf(build, run);
  } else {
    await ensureBuilt(DEFAULT_BUILD);
    record = await withLock(build.name, run, async () => {
      const done = readRecord(build);
      return done?.run === run ? done : makeBuild(build, run);
    });
  }
  if (!record.ok) throw new Error(`the ${build.name} build failed:\n${record.error}`);
  return build.outDir;
}
