/**
 * Settings of `astro build` that make it faster without changing what it
 * writes (issue 13: the build within 15 s on two cores).
 *
 * - `onlyStarlightIcon`, a Vite plugin: Starlight's `@astrojs/starlight/components`
 *   re-exports every one of its user components — FileTree with a 325 KB
 *   table of file icons, Tabs, Steps, Cards, Expressive Code's Code — and its
 *   own Footer imports `Icon` from it, as PlanSearch.astro does; the site
 *   renders no other. The build sees a components.ts that exports `Icon`
 *   only, so the others are neither compiled nor bundled (nor Tabs' unused
 *   script written to /_astro/). A component that starts to import another
 *   from it fails the build ("… is not exported by …"), never silently.
 * - `noFileIcons`, a Vite plugin: Starlight's icon table (`components/Icons.ts`)
 *   spreads in FileTree's 325 KB of `seti:` file icons, which Rollup parsed
 *   into the server bundle (a third of Starlight's code there). The site
 *   draws its icons with the stylesheet and renders no file tree: the build
 *   sees an empty `FileIcons`. A `seti:` icon would fail the build, never
 *   render empty: Icon.astro accepts only the icons icons.css draws
 *   (icons-from-stylesheet.ts), and a page's frontmatter naming one fails
 *   Starlight's icon schema.
 * - `onlySiteLanguageStrings`, a Vite plugin: Starlight's table of UI strings
 *   (`translations/index.ts`) imports all 34 of its languages' JSON and
 *   validates each with its schema when the pages render, though it only
 *   ever reads the site's language and that language without its region
 *   (`zh-CN`, then `zh`: createTranslationSystem.ts). The build sees a table
 *   of the Chinese strings only; asking it for any other language (a locale
 *   added to the config) fails the build, never renders keys in place of
 *   strings.
 * - `unrenderedStarlightComponents`, a Vite plugin: Starlight's page renders
 *   its splash hero only for a page whose frontmatter has `hero`, its draft
 *   notice only for a draft, its untranslated-page notice only for a page
 *   missing in a second language: none of this site's pages (the converter
 *   writes no `hero` or `draft`; one language). The build sees each as a
 *   component that fails the build when rendered, so neither they nor what
 *   they import (the hero's link buttons and the notices' shared frame) are
 *   compiled.
 * - `serverBundleWhole`, an integration: the server bundle, which only
 *   renders the pages at build time and is then deleted, is taken whole, as
 *   its ES modules are written. It is not tree-shaken: tree-shaking it was
 *   about a quarter of Rollup's time, and removes only code that is never
 *   run. And Vite's CommonJS plugin is left out of it (an empty
 *   `build.commonjsOptions.include`): every package the server build bundles
 *   rather than imports (Astro, Starlight, MDX's runtime) is ES modules, yet
 *   the plugin parsed again each of their modules whose text has the word
 *   `module`, `exports`, `require` or `global` (34 modules, 240 KB), only to
 *   find no CommonJS. A CommonJS module bundled later would fail the build
 *   (`module`/`exports`/`require` is not defined), not render wrongly.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { starlightModule, starlightStandIn } from './starlight-module';

const STARLIGHT_COMPONENTS = /[\\/]node_modules[\\/]@astrojs[\\/]starlight[\\/]components\.ts$/;
const STARLIGHT_FILE_ICONS = /[\\/]node_modules[\\/]@astrojs[\\/]starlight[\\/]user-components[\\/]file-tree-icons\.ts$/;

export const onlyStarlightIcon = (): Plugin =>
  starlightStandIn('gangyao:only-starlight-icon', STARLIGHT_COMPONENTS, "export { default as Icon } from './user-components/Icon.astro';\n");

export const noFileIcons = (): Plugin => starlightStandIn('gangyao:no-file-icons', STARLIGHT_FILE_ICONS, 'export const FileIcons = {};\n');

const STARLIGHT_TRANSLATIONS = starlightModule('translations/index.ts');

/** The language of the site's one locale (astro.config.mjs), and its strings' key in Starlight's table (the language without its region). */
const SITE_LANGUAGE = 'zh-CN';
const SITE_STRINGS = 'zh';

export const onlySiteLanguageStrings = (): Plugin =>
  starlightStandIn(
    'gangyao:only-site-language-strings',
    STARLIGHT_TRANSLATIONS,
    `import { builtinI18nSchema } from '../schemas/i18n';
import strings from './${SITE_LANGUAGE}.json';
const table = { ${SITE_STRINGS}: builtinI18nSchema().parse(strings) };
export default new Proxy(table, {
  get(target, lang) {
    if (lang in target || lang === ${JSON.stringify(SITE_LANGUAGE)}) return target[lang];
    throw new Error(\`Starlight's UI strings for \${String(lang)} are not in the build (onlySiteLanguageStrings in src/site/integrations/build-speed.ts)\`);
  },
});
`,
  );

/** Starlight's components no page renders, each with the page that would render it. */
const UNRENDERED_STARLIGHT_COMPONENTS: Readonly<Record<string, string>> = {
  Hero: 'a page with `hero` in its frontmatter',
  DraftContentNotice: 'a draft page',
  FallbackContentNotice: 'a page missing in one of several languages',
};
const STARLIGHT_COMPONENT = /^\0virtual:starlight\/components\/(\w+)$/;

export const unrenderedStarlightComponents = (): Plugin => ({
  name: 'gangyao:unrendered-starlight-components',
  enforce: 'pre',
  load(id) {
    const name = STARLIGHT_COMPONENT.exec(id)?.[1];
    if (!name || !Object.hasOwn(UNRENDERED_STARLIGHT_COMPONENTS, name)) return null;
    const message = `Starlight's ${name} is left out of the build (unrenderedStarlightComponents in src/site/integrations/build-speed.ts), but ${UNRENDERED_STARLIGHT_COMPONENTS[name]} renders it`;
    return `import { createComponent } from 'astro/compiler-runtime';\nexport default createComponent(() => {\n  throw new Error(${JSON.stringify(message)});\n});\n`;
  },
});

export function serverBundleWhole(): AstroIntegration {
  return {
    name: 'gangyao:server-bundle-whole',
    hooks: {
      'astro:build:setup': ({ target, updateConfig }) => {
        if (target === 'server') updateConfig({ build: { rollupOptions: { treeshake: false }, commonjsOptions: { include: [] } } });
      },
    },
  };
}
