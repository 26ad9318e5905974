// A Vite plugin `npm run build` (scripts/build.mjs) gives Astro's build: it
// lightens the Vite server Astro starts, before its own build, to load
// src/content.config.ts (the content sync), the one Vite server of a build
// (the build itself runs Vite with command `build`), so the plugin acts on
// `serve` only. What it leaves out is work for a browser or an editor that
// this server, which only loads the content config and closes, never uses
// (issue 13: the build within 15 s; about half of the sync's time):
//
// - Astro's own modules that the content config imports (astro/loaders,
//   astro/zod, astro/content/config) are imported by Node, like the rest of
//   Astro, instead of about 50 modules (the glob loader's image-size readers,
//   the error messages…) each parsed, rewritten and source-mapped by Vite's
//   SSR transform: 13 modules pass through Vite instead of 62. Astro marks its package noExternal for the pages'
//   sake (they import its .astro components); the content config imports
//   none. Starlight's schema, TypeScript, still goes through Vite.
// - No dependency pre-bundling: Astro asks the optimizer for its dev toolbar's
//   client modules (aria-query, axobject-query, cssesc), which esbuild bundled
//   into node_modules/.vite/ in a clean checkout before the config could load,
//   for a browser this server never serves. With nothing to include and
//   discovery off (Astro's setting here) Vite starts no optimizer.
//
// `astro dev`, `astro build` run by hand and the tests' copy builds
// (tests/gates/copy-build.ts) load the content config as Astro does by
// default; what it loads is the same modules' code either way (the built
// site is identical, only build stamps aside).

/** The plugin; add it to `vite.plugins` of the config given to Astro's `build()`. */
export function contentSyncServer() {
  return {
    name: 'gangyao:content-sync-server',
    // After Astro's plugins, whose `config` hooks add the optimizer's includes.
    enforce: 'post',
    config(config, { command }) {
      if (command !== 'serve') return undefined;
      // Vite merges arrays by concatenation: emptying the list takes a mutation
      // (what Vite's documentation of the `config` hook allows for this case).
      config.optimizeDeps = { ...config.optimizeDeps, include: [] };
      return { ssr: { external: ['astro'] } };
    },
  };
}
