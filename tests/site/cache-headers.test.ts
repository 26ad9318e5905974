/**
 * The `_headers` file the build ships (Netlify / Cloudflare Pages format),
 * read back with a parser of its own and matched against the files actually
 * built, at `/` and under `/plan/`: every served file gets exactly one
 * Cache-Control; the hashed assets (every file the pages load from /_astro/,
 * Pagefind's index chunks) are immutable; the pages, the service worker and
 * every other file that keeps its name are revalidated; no rule matches
 * nothing; the file stays within what the hosts read; and the service worker
 * does not precache it (it is the host's, never served).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheRules } from '../../src/site/integrations/cache-headers';
import { DEFAULT_BUILD, SUBPATH_BUILD, ensureBuilt, type SiteBuild } from './build-site';
import { htmlFiles } from './html';

const IMMUTABLE = /^public, max-age=31536000, immutable$/;
const REVALIDATE = /^no-cache$/;

interface Rule {
  pattern: string;
  headers: Record<string, string>;
}

/** The rules of a `_headers` file: a path line, then indented `Name: value` lines; `#` comments. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`_headers: cannot read “${line}”`);
    rules.at(-1)!.headers[match[1]!.toLowerCase()] = match[2]!;
  }
  return rules;
}

/** Whether the URL path `url` matches a rule's path (`*` matches any characters, `/` included). */
const matches = (pattern: string, url: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(url);

/** The URL path a built file is served at under `base` (`part-1/index.html` → `/plan/part-1/`). */
const servedAt = (rel: string, base: string) => base + rel.replace(/(^|\/)index\.html$/, '$1');

const builtFiles = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((rel) => rel !== '_headers');

/** Every /_astro/ file a page of the build loads (script src, stylesheet href). */
const loadedAssets = (dir: string, base: string): Set<string> => {
  const found = new Set<string>();
  for (const rel of htmlFiles(dir)) {
    const html = readFileSync(path.join(dir, rel), 'utf8');
    for (const m of html.matchAll(/(?:src|href)="([^"]*\/_astro\/[^"]+)"/g)) found.add(m[1]!.slice(base.length));
  }
  return found;
};

describe.each([DEFAULT_BUILD, SUBPATH_BUILD])('the _headers file of the build at $base', (build: SiteBuild) => {
  let dir: string;
  let rules: Rule[];
  let files: string[];
  beforeAll(async () => {
    dir = await ensureBuilt(build);
    rules = parseHeaders(readFileSync(path.join(dir, '_headers'), 'utf8'));
    files = builtFiles(dir);
  }, 600_000);

  it('gives every built file exactly one Cache-Control, and each rule matches a built file', () => {
    const unmatched: string[] = [];
    const twice: string[] = [];
    for (const rel of files) {
      const hits = rules.filter((r) => matches(r.pattern, servedAt(rel, build.base)));
      if (hits.length === 0) unmatched.push(rel);
      if (hits.length > 1) twice.push(`${rel}: ${hits.map((r) => r.pattern).join(', ')}`);
    }
    expect(unmatched).toEqual([]);
    expect(twice).toEqual([]);
    expect(rules.filter((r) => !files.some((rel) => matches(r.pattern, servedAt(rel, build.base)))).map((r) => r.pattern)).toEqual([]);
    for (const rule of rules) expect(Object.keys(rule.headers), rule.pattern).toEqual(['cache-control']);
    // Cloudflare Pages reads at most 100 rules.
    expect(rules.length).toBeLessThanOrEqual(100);
  });

  it('makes the hashed assets immutable and revalidates pages, the service worker and every unhashed file', () => {
    const policy = (rel: string) => rules.find((r) => matches(r.pattern, servedAt(rel, build.base)))!.headers['cache-control']!;
    const assets = loadedAssets(dir, build.base);
    expect(assets.size).toBeGreaterThan(5);
    for (const asset of assets) expect(policy(asset), asset).toMatch(IMMUTABLE);
    for (const rel of files.filter((f) => /\.pf_(index|fragment|filter|meta)$/.test(f))) expect(policy(rel), rel).toMatch(IMMUTABLE);
    for (const rel of files.filter((f) => f.endsWith('.html'))) expect(policy(rel), rel).toMatch(REVALIDATE);
    for (const rel of ['sw.js', 'offline-control.js', 'manifest.webmanifest', 'data/plan.json', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
      expect(policy(rel), rel).toMatch(REVALIDATE);
    }
    // An immutable file carries a hash in its name: its name is not the name of a file of the sources.
    const immutable = files.filter((rel) => IMMUTABLE.test(policy(rel)));
    for (const rel of immutable) expect(path.basename(rel), rel).toMatch(/[._][A-Za-z0-9_-]{5,}\.[a-z_]+$/);
    expect(immutable.length + files.filter((rel) => REVALIDATE.test(policy(rel))).length).toBe(files.length);
  });

  it('is not precached by the service worker', () => {
    expect(readFileSync(path.join(dir, 'sw.js'), 'utf8')).not.toContain('_headers');
  });
});

describe('cache rules', () => {
  it('lists mixed directories file by file and one-policy directories by a splat, under the base', () => {
    const rules = cacheRules(['index.html', 'sw.js', '_astro/a.B1D-nYk3.js', 'p/index.html', 'p/q/index.html', 'pagefind/pagefind.js', 'pagefind/index/und_1.pf_index'], '/plan/');
    expect(rules).toEqual([
      { pattern: '/plan/', cacheControl: 'no-cache' },
      { pattern: '/plan/sw.js', cacheControl: 'no-cache' },
      { pattern: '/plan/_astro/*', cacheControl: 'public, max-age=31536000, immutable' },
      { pattern: '/plan/p/*', cacheControl: 'no-cache' },
      { pattern: '/plan/pagefind/pagefind.js', cacheControl: 'no-cache' },
      { pattern: '/plan/pagefind/index/*', cacheControl: 'public, max-age=31536000, immutable' },
    ]);
  });

  it('refuses more rules than the hosts read', () => {
    const files = Array.from({ length: 101 }, (_, i) => `f${i}.txt`);
    expect(() => cacheRules(files, '/')).toThrow(/101 rules/);
  });
});
