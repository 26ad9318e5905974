/**
 * A Vite plugin (astro.config.mjs) that gives Vite's dynamic-import wrapper
 * (`__vitePreload`, which Vite puts around every `import()` of the client
 * code) the body it needs here: call the import. With `modulePreload: false`
 * Vite would only use it to load the CSS of a dynamic chunk first, and no
 * chunk of this site has any (the 引用 panel and the search load their own
 * sheets: load-stylesheet.ts); Vite's full helper was ~0.6 KB gzip of the
 * code every page loads (issue 13). Should a chunk ever come with such CSS,
 * the build fails here instead of shipping a wrapper that would skip it.
 */
import type { Plugin } from 'vite';

/** Vite's id of the helper module. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** What Vite writes into a chunk whose dynamic import needs files loaded first. */
const PRELOAD_DEPS = '__vite__mapDeps';

export default function leanPreloadHelper(): Plugin {
  return {
    name: 'gangyao:lean-preload-helper',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      return id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null;
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes(PRELOAD_DEPS)) {
          this.error(`${chunk.fileName}: a dynamic import needs files loaded first, which the lean preload helper does not do`);
        }
      }
    },
  };
}
