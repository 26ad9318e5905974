/**
 * How the Vite plugins that edit one of Starlight's files (icons, style
 * attributes, the print sheet's link, the sidebar-state script) recognise its
 * module id: one rule, on either platform's path separators.
 */

/** Matches the id of the module at `file` inside @astrojs/starlight (a `/`-separated path, e.g. `components/Page.astro`). */
export function starlightModule(file: string): RegExp {
  const segments = ['@astrojs', 'starlight', ...file.split('/')].map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(String.raw`[\\/]` + segments.join(String.raw`[\\/]`) + '$');
}
