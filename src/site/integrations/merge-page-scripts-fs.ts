/**
 * One script per page instead of one per component (issue 13). Astro writes
 * each component's `<script>` as a module of its own, so a chapter loaded
 * nine: Starlight's theme select, menu button, sidebar state, two tables of
 * contents, and ours (page-scripts.ts). Each file is compressed alone and
 * fetched alone; bundled into one, the same code is about a quarter smaller
 * in gzip.
 *
 * After the build, each run of consecutive module scripts from `_astro/` on
 * a page is replaced by one, in its place: a bundle of exactly those modules
 * (pages that load the same run share one file, named by its content hash).
 * What they import stays a file of its own, imported by the bundle; a module
 * that code loaded on first use imports (`import()`: the 引用 panel, the
 * search dialog share page-scripts.ts's modules) is not bundled, so no module
 * runs twice. A module no page loads any
 * more and no module imports is deleted, so the service worker does not
 * precache it. Runs as soon as the pages are generated (`astro:build:generated`,
 * whose hooks Astro awaits one by one in the config's order): postBuild starts
 * computing each page's CSP in that same hook, after this one, and the
 * service worker follows at `astro:build:done`, so both read the pages as
 * they are left here. The search index is given the pages as rendered, before
 * this step, and checks that they differ from these only in what this step
 * changes (`withoutModuleScripts`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'esbuild';
import { builtPages } from './built-pages-fs.ts';
import { withBase } from '../site-paths.ts';

/** Where Astro writes the client code, relative to the output. */
const ASSETS_DIR = '_astro';

/** A module script tag as Astro writes it, and as this step writes a bundle's. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * `html` without its module script tags: the same before and after this
 * step, which changes nothing else on a page (the search index, given the
 * pages before it, checks it: src/search/search-index-fs.ts).
 */
export function withoutModuleScripts(html: string): string {
  return html.replace(MODULE_SCRIPT, '');
}

/**
 * A page's module scripts under `assetsUrl`, as tags and as file names.
 * Matched as the exact tag Astro writes, not read from a parsed tree: the
 * page is edited in place, byte for byte, and parsing all of them here would
 * add to the build (issue 13) what the CSP step already spends once; the site
 * test checks that every script a page names exists and how many it loads.
 */
export function pageModuleScripts(html: string, assetsUrl: string): { tags: string[]; files: string[] } {
  const tags: string[] = [];
  const files: string[] = [];
  for (const match of html.matchAll(MODULE_SCRIPT)) {
    const src = match[1]!;
    if (!src.startsWith(assetsUrl) || src.slice(assetsUrl.length).includes('/')) continue;
    tags.push(match[0]);
    files.push(src.slice(assetsUrl.length));
  }
  return { tags, files };
}

/** `html` with the first of `tags` replaced by a script of `src` and the others removed. */
export function withOneScript(html: string, tags: readonly string[], src: string): string {
  let first = true;
  let out = html;
  for (const tag of tags) {
    out = out.replace(tag, first ? `<script type="module" src="${src}"></script>` : '');
    first = false;
  }
  return out;
}

/**
 * Bundles the modules `files` of `assetsDir` in that order. Their imports of
 * other files stay imports; one of them importing another of them (Starlight's
 * mobile contents imports the desktop one's module) is bundled once.
 */
async function bundle(assetsDir: string, files: readonly string[]): Promise<string> {
  const bundled = new Set(files.map((f) => path.join(assetsDir, f)));
  const importsStayFiles: Plugin = {
    name: 'imports-stay-files',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.importer === '<stdin>') return undefined;
        const target = path.resolve(path.dirname(args.importer), args.path);
        return bundled.has(target) ? { path: target } : { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    stdin: { contents: files.map((f) => `import ${JSON.stringify(`./${f}`)};`).join('\n'), resolveDir: assetsDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
    plugins: [importsStayFiles],
  });
  return result.outputFiles[0]!.text;
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/** The files of `assetsDir` each module there imports (statically or with `import()`), by file name. */
function importsOf(assetsDir: string, modules: readonly string[]): Map<string, Set<string>> {
  const names = new Set(modules);
  const imports = new Map<string, Set<string>>();
  for (const m of modules) {
    const code = readFileSync(path.join(assetsDir, m), 'utf8');
    imports.set(m, new Set([...code.matchAll(/["']\.\/([^"'/]+\.js)["']/g)].map((x) => x[1]!).filter((f) => names.has(f))));
  }
  return imports;
}

/** `files` cut into runs of consecutive mergeable files (a file that is not stands alone). */
export function scriptRuns(files: readonly string[], mergeable: (file: string) => boolean): string[][] {
  const runs: string[][] = [];
  for (const f of files) {
    const last = runs.at(-1);
    if (mergeable(f) && last && mergeable(last[0]!)) last.push(f);
    else runs.push([f]);
  }
  return runs;
}

/**
 * Merges each page's module scripts under `outDir` (site built at `base`).
 * A module that code loaded later imports (`import()` of the 引用 panel
 * imports what page-scripts.ts shares with it) is left a file of its own:
 * bundled, it would run twice. Returns how many bundles, pages and modules removed.
 */
export async function mergePageScripts(outDir: string, base: string): Promise<{ bundles: number; pages: number; removed: number }> {
  const assetsDir = path.join(outDir, ASSETS_DIR);
  const assetsUrl = withBase(`/${ASSETS_DIR}/`, base);
  const pages = builtPages(outDir).map((file) => {
    const html = readFileSync(file, 'utf8');
    return { file, html, ...pageModuleScripts(html, assetsUrl) };
  });
  const entries = new Set(pages.flatMap((p) => p.files));
  const modules = readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
  const imports = importsOf(assetsDir, modules);
  const importers = (f: string) => modules.filter((m) => imports.get(m)!.has(f));
  const mergeable = (f: string) => importers(f).every((m) => entries.has(m));

  // Each page's runs to bundle, checked before anything is written.
  const pageRuns = pages.map((page) => {
    const runs = scriptRuns(page.files, mergeable).filter((run) => run.length >= 2);
    for (const run of runs) {
      // A module bundled here must not also be loaded, on this page, by a module outside the bundle.
      for (const f of run) {
        const outside = importers(f).filter((m) => page.files.includes(m) && !run.includes(m));
        if (outside.length > 0) throw new Error(`${page.file}: ${f} would run twice (bundled, and imported by ${outside.join(', ')})`);
      }
    }
    return runs;
  });
  // Every distinct run bundled once, all at once (esbuild builds them side by side).
  const distinct = new Map(pageRuns.flat().map((run) => [run.join('\n'), run]));
  const bundles = new Map(
    await Promise.all(
      [...distinct].map(async ([key, run]) => {
        const code = await bundle(assetsDir, run);
        const name = `scripts.${contentHash(code)}.js`;
        writeFileSync(path.join(assetsDir, name), code);
        return [key, name] as const;
      }),
    ),
  );
  const merged = new Set(pageRuns.flat(2));
  let changed = 0;
  const stillLoaded = new Set<string>();
  for (const [i, page] of pages.entries()) {
    let html = page.html;
    for (const run of pageRuns[i]!) html = withOneScript(html, run.map((f) => page.tags[page.files.indexOf(f)]!), assetsUrl + bundles.get(run.join('\n'))!);
    if (html !== page.html) {
      writeFileSync(page.file, html);
      changed += 1;
    }
    for (const f of pageModuleScripts(html, assetsUrl).files) stillLoaded.add(f);
  }
  // A module bundled everywhere it was loaded, and imported by no other, is gone from the site.
  let removed = 0;
  for (const f of merged) {
    if (stillLoaded.has(f) || importers(f).some((m) => !merged.has(m))) continue;
    rmSync(path.join(assetsDir, f));
    removed += 1;
  }
  return { bundles: bundles.size, pages: changed, removed };
}

/** The Astro integration: merges once the pages are generated; list it before postBuild. */
export default function mergePageScriptsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'gangyao:merge-page-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const { bundles, pages, removed } = await mergePageScripts(fileURLToPath(dir), base);
        logger.info(`one script per page: ${pages} pages load ${bundles} bundles; ${removed} modules merged away`);
      },
    },
  };
}
