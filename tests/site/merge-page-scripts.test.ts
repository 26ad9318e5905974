/**
 * One module script per page (src/site/integrations/merge-page-scripts-fs.ts):
 * the tags a page loads are found and replaced in place, and in the built
 * site no page loads a script that is gone, and none loads a module twice
 * (once in a bundle, once as its own file imported by code loaded later).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageModuleScripts, scriptRuns, withOneScript } from '../../src/site/integrations/merge-page-scripts-fs';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { builtPages, referencedFiles } from './page-weight';

describe('one script per page', () => {
  it('finds the module scripts of the assets folder, in order, and leaves the others', () => {
    const html =
      '<head><script src="/_astro/before-paint.a.js"></script><script type="module" src="/_astro/A.x1.js"></script></head>' +
      '<body><script type="module" src="/pagefind/p.js"></script><p>t</p><script type="module" src="/_astro/B.y2.js"></script></body>';
    const { tags, files } = pageModuleScripts(html, '/_astro/');
    expect(files).toEqual(['A.x1.js', 'B.y2.js']);
    expect(withOneScript(html, tags, '/_astro/scripts.z3.js')).toBe(
      '<head><script src="/_astro/before-paint.a.js"></script><script type="module" src="/_astro/scripts.z3.js"></script></head>' +
        '<body><script type="module" src="/pagefind/p.js"></script><p>t</p></body>',
    );
  });

  it('bundles only runs of consecutive modules that no later-loaded code imports', () => {
    const shared = new Set(['P.js']);
    expect(scriptRuns(['A.js', 'B.js', 'P.js', 'C.js'], (f) => !shared.has(f))).toEqual([['A.js', 'B.js'], ['P.js'], ['C.js']]);
    expect(scriptRuns(['P.js', 'A.js', 'B.js', 'C.js'], (f) => !shared.has(f))).toEqual([['P.js'], ['A.js', 'B.js', 'C.js']]);
  });

  describe('in the built site', () => {
    let outDir: string;
    beforeAll(async () => {
      outDir = await ensureBuilt(DEFAULT_BUILD);
    });

    it('the longest chapter loads at most three modules of /_astro/, and every script a page or module names exists', () => {
      const missing: string[] = [];
      for (const page of builtPages(outDir)) {
        const file = path.join(outDir, page, page.endsWith('/') ? 'index.html' : '');
        for (const src of referencedFiles(readFileSync(file, 'utf8')).js) if (!existsSync(path.join(outDir, src))) missing.push(`${page}: ${src}`);
      }
      const assets = path.join(outDir, '_astro');
      for (const m of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
        for (const [, f] of readFileSync(path.join(assets, m), 'utf8').matchAll(/["']\.\/([^"'/]+\.js)["']/g)) {
          if (!existsSync(path.join(assets, f!))) missing.push(`${m}: ${f}`);
        }
      }
      expect(missing).toEqual([]);
      const chapter = readFileSync(path.join(outDir, 'part-7/chapter-4/index.html'), 'utf8');
      expect(pageModuleScripts(chapter, '/_astro/').files.length).toBeLessThanOrEqual(3);
    });

    it("no module carries Vite's preload helper (lean-preload-helper.ts): every import() is just the import", () => {
      const assets = path.join(outDir, '_astro');
      const withHelper = readdirSync(assets).filter((f) => f.endsWith('.js') && /vite:preloadError|__vite__mapDeps/.test(readFileSync(path.join(assets, f), 'utf8')));
      expect(withHelper).toEqual([]);
    });

    it('no bundle holds a module that another file imports', () => {
      const assets = path.join(outDir, '_astro');
      const modules = readdirSync(assets).filter((f) => f.endsWith('.js'));
      // A bundled module's file is gone unless something still loads or imports it.
      const imported = new Set(modules.flatMap((m) => [...readFileSync(path.join(assets, m), 'utf8').matchAll(/["']\.\/([^"'/]+\.js)["']/g)].map((x) => x[1]!)));
      const bundles = modules.filter((m) => m.startsWith('scripts.'));
      expect(bundles.length).toBeGreaterThan(0);
      for (const b of bundles) {
        const code = readFileSync(path.join(assets, b), 'utf8');
        // Each module Astro writes for a component's script defines its custom element or listener once;
        // one defined in a bundle and also in an imported file would be defined twice.
        for (const [, name] of code.matchAll(/customElements\.define\("([^"]+)"/g)) {
          const elsewhere = [...imported].filter((f) => existsSync(path.join(assets, f)) && readFileSync(path.join(assets, f), 'utf8').includes(`customElements.define("${name}"`));
          expect(elsewhere, `${b}: ${name}`).toEqual([]);
        }
      }
    });
  });
});
