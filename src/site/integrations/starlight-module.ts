/**
 * How the Vite plugins that edit or replace one of Starlight's files (icons,
 * style attributes, scoped styles, the print sheet's link, the sidebar-state
 * and on-page contents scripts, the components barrel and file icons)
 * recognise its module id: one rule, on either platform's path separators;
 * and the one shape of a plugin that gives the build other code in place of
 * such a file.
 */
import type { Plugin } from 'vite';

/** Matches the id of the module at `file` inside @astrojs/starlight (a `/`-separated path, e.g. `components/Page.astro`). */
export function starlightModule(file: string): RegExp {
  const segments = ['@astrojs', 'starlight', ...file.split('/')].map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(String.raw`[\\/]` + segments.join(String.raw`[\\/]`) + '$');
}

/** A Vite plugin, named `name`, that gives the build `code` in place of the module whose id matches `file`. */
export function starlightStandIn(name: string, file: RegExp, code: string): Plugin {
  return {
    name,
    enforce: 'pre',
    load: (id) => (file.test(id) ? code : null),
  };
}
