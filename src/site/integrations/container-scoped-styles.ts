/**
 * A Vite plugin (astro.config.mjs) that scopes the styles of five Starlight
 * components by the element around them instead of a class on each of their
 * elements. Astro scopes a component's `<style>` by adding `astro-xxxxxxxx`
 * to the class of every element it renders and `:where(.astro-xxxxxxxx)` to
 * every compound selector of its rules; the longest chapter carried 222 such
 * classes, about 0.35 KB gzip sent again with every page (issue 13). The
 * components here render one well-delimited part of every page, so their
 * rules can say where they apply with a selector of that part instead
 * (CONTAINERS): the sidebar's lists, the on-page contents' lists, the theme
 * select, 上一页/下一页 and the icons. `:where()` adds no specificity, as
 * before, so the cascade is unchanged; each container selector matches the
 * component's elements and no other element (tests/site/container-scoped-styles.test.ts
 * checks that on the built pages).
 *
 * Both halves are edits of what Astro compiles: in the component's code every
 * use of its scope class goes, in its style module `:where(.astro-…)` becomes
 * `:where(<container>)`. A component whose compiled form no longer has
 * exactly one scope class fails the build here instead of shipping unstyled.
 */
import type { Plugin } from 'vite';
import { starlightModule } from './starlight-module';

/** A Starlight component (path under @astrojs/starlight) and the selector list of exactly its elements. */
export interface ContainerScope {
  component: string;
  container: string;
}

export const CONTAINERS: readonly ContainerScope[] = [
  // The sidebar's list (PlanSidebar.astro): the top-level list and everything in it, nested lists included.
  { component: 'components/SidebarSublist.astro', container: '.top-level,.top-level *' },
  // The on-page contents' lists, in the desktop column and the phone's bar (nothing else there is a list).
  { component: 'components/TableOfContents/TableOfContentsList.astro', container: 'starlight-toc ul,starlight-toc ul *,mobile-starlight-toc ul,mobile-starlight-toc ul *' },
  // The theme select's label, select and icons (the only select the site renders: no-style-attributes.ts).
  { component: 'components/Select.astro', container: 'starlight-theme-select *' },
  // 上一页/下一页.
  { component: 'components/Pagination.astro', container: '.pagination-links,.pagination-links *' },
  // Every icon carries data-icon (icons-from-stylesheet.ts).
  { component: 'user-components/Icon.astro', container: 'svg[data-icon]' },
];

const SCOPE_CLASS = /astro-[a-z0-9]{8}/g;

/** The one scope class (`astro-xxxxxxxx`) in `code`, or an error naming what was found. */
export function scopeClassOf(code: string): string {
  const found = new Set(code.match(SCOPE_CLASS) ?? []);
  if (found.size !== 1) throw new Error(`expected one Astro scope class, found ${found.size ? [...found].join(', ') : 'none'}`);
  return [...found][0]!;
}

/**
 * A compiled component's code without its scope class `scope`: an attribute
 * that held only it goes, a class prop appended to it (`(x ?? "") + " scope"`)
 * is the prop alone, or no attribute when there is none, a string that was
 * only it becomes undefined (in a class list or a class passed to a child),
 * and it goes from the strings that held other classes too.
 */
export function withoutScopeClass(code: string, scope: string): string {
  return code
    .replaceAll(` class="${scope}"`, '')
    .replaceAll(`?? "") + " ${scope}"`, '|| undefined)')
    .replaceAll(`"${scope}"`, 'undefined')
    .replaceAll(` ${scope}`, '');
}

/** A component's compiled style with each `:where(.scope)` turned into `:where(container)`. */
export function containerScoped(css: string, scope: string, container: string): string {
  return css.replaceAll(`:where(.${scope})`, `:where(${container})`);
}

const componentModules = CONTAINERS.map((c) => ({ ...c, file: starlightModule(c.component) }));
const STYLE_QUERY = /\?astro&type=style&index=\d+&lang\.css$/;

export default function containerScopedStyles(): Plugin {
  return {
    name: 'gangyao:container-scoped-styles',
    transform(code, id) {
      const styleQuery = STYLE_QUERY.exec(id);
      const file = styleQuery ? id.slice(0, styleQuery.index) : id;
      if (!styleQuery && id.includes('?')) return null;
      const entry = componentModules.find((c) => c.file.test(file));
      if (!entry) return null;
      let scope: string;
      try {
        scope = scopeClassOf(code);
      } catch (error) {
        this.error(`${id}: ${(error as Error).message} (see container-scoped-styles.ts)`);
      }
      const out = styleQuery ? containerScoped(code, scope, entry.container) : withoutScopeClass(code, scope);
      if (out.includes(scope)) this.error(`${id}: ${scope} is still used after the edit (see container-scoped-styles.ts)`);
      return { code: out, map: null };
    },
  };
}
