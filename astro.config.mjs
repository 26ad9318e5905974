// @ts-check
/**
 * Astro + Starlight configuration of the reader site.
 *
 * BASE_PATH (default /) is the path the site is served under; every link goes
 * through Astro's base, so a build with BASE_PATH=/plan/ works unchanged.
 * SITE_URL (optional) is the address the site is published at: only with it
 * do pages get `canonical` and `og:url`, and the build a sitemap, all
 * absolute. Without it the build names no address at all (no development
 * one either): every address a reader copies is read in the browser from
 * where the page is served (src/site/client/served-url.ts). The sidebar is
 * read from the converter's plan.json at config time, so its order is the
 * plan's order.
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import mdx from '@astrojs/mdx';
import { readPlan } from './src/site/plan/read-plan-fs.ts';
import { SITE_TITLE, planSidebar } from './src/site/plan/plan-nav.ts';
import { isPageRedirect } from './src/site/site-paths.ts';
import { readPackagesTable } from './src/reviewed/read-curated-fs.ts';
import remarkSectionIds, { chapterSectionIds } from './src/site/integrations/remark-section-ids.ts';
import { HEADING_REHYPE_PLUGINS } from './src/site/integrations/rehype-heading-links.ts';
import rehypeTargetLists from './src/site/integrations/rehype-target-lists.ts';
import postBuild from './src/site/integrations/post-build-fs.ts';
import modelWorker from './src/site/integrations/model-worker-fs.ts';
import searchIndex from './src/search/search-index-fs.ts';
import unusedStarlightCss from './src/site/integrations/unused-starlight-css.ts';
import mergePageScripts from './src/site/integrations/merge-page-scripts-fs.ts';
import leanPreloadHelper from './src/site/integrations/lean-preload-helper.ts';
import printInMainStylesheet from './src/site/integrations/print-in-main-stylesheet.ts';
import noStyleAttributes from './src/site/integrations/no-style-attributes.ts';
import noSidebarStateScript from './src/site/integrations/no-sidebar-state-script.ts';
import minifyBeforePaint from './src/site/integrations/minify-before-paint.ts';
import containerScopedStyles from './src/site/integrations/container-scoped-styles.ts';
import leanOnPageContents from './src/site/integrations/lean-on-page-contents.ts';
import iconsFromStylesheet from './src/site/integrations/icons-from-stylesheet.ts';
import { noFileIcons, onlySiteLanguageStrings, onlyStarlightIcon, serverBundleWhole, unrenderedStarlightComponents } from './src/site/integrations/build-speed.ts';

const site = process.env.SITE_URL || undefined;
const base = process.env.BASE_PATH || '/';
const plan = readPlan();
const packages = readPackagesTable().packages;
/** The modules page-scripts.ts and the code it loads on first use both import (src/site/client/, src/search/). */
const PAGE_SHARED = [
  '/src/site/client/served-url.ts',
  '/src/site/client/cite-panel-events.ts',
  '/src/site/client/qr-loader.ts',
  '/src/site/client/load-stylesheet.ts',
  '/src/site/client/reading-positions.ts',
  '/src/search/search-paths.ts',
];
/** The base as a directory URL, for files in public/ (`/` or `/plan/`). */
const baseDir = base.endsWith('/') ? base : `${base}/`;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Up to four pages of a route rendered at a time: Astro writes each page
  // with asynchronous file calls, and one page at a time left the main
  // thread idle while each was written. The pages are the same; the search index orders each route's pages by file,
  // not by when they were rendered (src/search/index-feed.ts). Issue 13.
  build: { concurrency: 4 },
  // No prefetching of every link the pointer rests on (Starlight's default):
  // its script was the largest a page ran before any interaction (issue 13),
  // and it downloads pages the reader may never open.
  prefetch: false,
  // Every script is a file of its own (none inlined into the HTML, as Vite
  // would below 4 KB): cached once instead of sent again with every page, and
  // one hash fewer in each page's Content-Security-Policy. No module
  // preloading: code loaded on first use (the 引用 panel, the search dialog)
  // fetches its few shared chunks itself, and Vite's ~0.6 KB helper is
  // replaced by a bare import() (lean-preload-helper.ts below), so it is not
  // part of every page.
  // Starlight's rules for components no page renders are left out of the
  // stylesheet (src/site/integrations/unused-starlight-css.ts).
  vite: {
    build: {
      // No gzip sizes in the log: computing them costs build time (issue 13).
      reportCompressedSize: false,
      assetsInlineLimit: 0,
      modulePreload: false,
      // What page-scripts.ts shares with the code it loads on first use goes
      // to a chunk of its own, not into page-scripts' chunk: that chunk can
      // then be bundled with the page's other scripts (merge-page-scripts-fs.ts).
      // A stylesheet is named by its content alone: one imported by two
      // routes (tables.css by /about/ and the table components) was named
      // after whichever Rollup reached first, so two builds of the same
      // commit could differ (the determinism gate saw about.<hash>.css
      // against tables.<hash>.css, same hash).
      rollupOptions: {
        output: {
          manualChunks: (id) => (PAGE_SHARED.some((m) => id.endsWith(m)) ? 'page-shared' : undefined),
          assetFileNames: (asset) => (asset.names.some((name) => name.endsWith('.css')) ? '_astro/style.[hash][extname]' : '_astro/[name].[hash][extname]'),
        },
      },
    },
    css: { postcss: { plugins: [unusedStarlightCss()] } },
    // `import()` without Vite's preload helper (src/site/integrations/lean-preload-helper.ts);
    // Starlight's components barrel as Icon only, no file-tree icons, only the site's language's UI strings,
    // none of the components no page renders (src/site/integrations/build-speed.ts);
    // Starlight's print sheet in the main stylesheet (src/site/integrations/print-in-main-stylesheet.ts);
    // Starlight's icons drawn by the stylesheet (icons-from-stylesheet.ts; before
    // no-style-attributes, which edits the same component after it);
    // no style attributes from Starlight's components (no-style-attributes.ts);
    // no sidebar-state script, which this site's sidebar does not use (no-sidebar-state-script.ts);
    // the before-paint script minified (minify-before-paint.ts); five Starlight
    // components' styles scoped by their container, not a class on each element (container-scoped-styles.ts);
    // the on-page contents' section marking in less code (lean-on-page-contents.ts).
    plugins: [leanPreloadHelper(), onlyStarlightIcon(), noFileIcons(), onlySiteLanguageStrings(), unrenderedStarlightComponents(), printInMainStylesheet(), iconsFromStylesheet(), noStyleAttributes(), noSidebarStateScript(), minifyBeforePaint(), containerScopedStyles(), leanOnPageContents()],
  },
  markdown: {
    // The plan's characters are printed as they are: no "smart" quotes or
    // dashes (`--` would become `—`, `"` would become “).
    smartypants: false,
    // The plan has no code: no Shiki highlighter is loaded (build time, issue 13).
    syntaxHighlight: false,
    // Section ids from the model (the table of them only: Astro keeps these
    // options in its content cache, which the server build bundles).
    remarkPlugins: [[remarkSectionIds, chapterSectionIds(plan)]],
    // Heading ids (contract ids kept, rehype-slug for the others) and
    // chrome; then the class of the plan's `——` target lists.
    rehypePlugins: [...HEADING_REHYPE_PLUGINS, rehypeTargetLists],
  },
  integrations: [
    starlight({
      title: SITE_TITLE,
      description: plan.title,
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      // Our own heading links carry no hidden text (see rehype-heading-links.ts).
      markdown: { headingLinks: false },
      // The plan has no code to highlight: no Expressive Code (its Shiki
      // themes and styles cost build time and shipped unused files).
      expressiveCode: false,
      sidebar: planSidebar(plan, packages),
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 2 },
      // Starlight's print sheet first, where its own link put it (that link is
      // taken out: print-in-main-stylesheet.ts), then ours.
      customCss: [
        './node_modules/@astrojs/starlight/style/print.css',
        './src/site/styles/plan.css',
        './src/site/styles/print.css',
        './src/site/styles/icons.css',
      ],
      // Installable and offline: the web app manifest (the service worker, written
      // by postBuild in src/site/integrations/post-build-fs.ts, is registered
      // by src/site/client/register-sw.ts).
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${baseDir}manifest.webmanifest` } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${baseDir}icons/apple-touch-icon.png` } },
        // The interface's indigo accent (Starlight's --sl-color-accent), and its dark low tone in dark mode.
        { tag: 'meta', attrs: { name: 'theme-color', content: '#3d50f5', media: '(prefers-color-scheme: light)' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0a205c', media: '(prefers-color-scheme: dark)' } },
      ],
      // Search is ours (src/search/): Pagefind indexes in searchIndex() below,
      // only the pages that show the plan's text.
      pagefind: false,
      // Route middleware: the search rule above; each page's sidebar (every 篇,
      // the current one open: src/site/integrations/sidebar-route.ts); 上一页/下一页 in the reading order
      // and each page's description (src/site/integrations/reading-route.ts); the
      // schema.org JSON-LD of each 篇 and 章 page (src/site/metadata/); no
      // generator tags (lean-head-route.ts).
      routeMiddleware: [
        './src/search/index-only-plan.ts',
        './src/site/integrations/sidebar-route.ts',
        './src/site/integrations/reading-route.ts',
        './src/site/metadata/json-ld-route.ts',
        './src/site/metadata/lean-head-route.ts',
      ],
      // Our 404 (src/pages/404.astro) offers search, the 目录 and the page jump.
      disable404Route: true,
      components: {
        MarkdownContent: './src/site/components/PlanMarkdownContent.astro',
        Search: './src/site/components/PlanSearch.astro',
        PageTitle: './src/site/components/PlanPageTitle.astro',
        Footer: './src/site/components/PlanFooter.astro',
        Header: './src/site/components/PlanHeader.astro',
        Head: './src/site/components/PlanHead.astro',
        Sidebar: './src/site/components/PlanSidebar.astro',
        LanguageSelect: './src/site/components/SingleLanguage.astro',
        // Theme and text size before the first paint, from a cached file.
        ThemeProvider: './src/site/components/PlanThemeProvider.astro',
      },
      pagination: true,
      lastUpdated: false,
    }),
    // The MDX pages the converter writes (Starlight would add this integration
    // itself, with the same options, when the config names none).
    mdx({ optimize: true }),
    // The EPUB, the plain text, the term index and the build information made
    // in a worker thread while the site is built (src/site/integrations/model-worker-fs.ts).
    modelWorker(),
    // Starlight adds a sitemap of every page when none is configured; this one
    // leaves out the /page/P/ redirects (noindex pages do not belong in it).
    // Without SITE_URL it writes nothing (a sitemap needs absolute URLs).
    sitemap({ filter: (page) => !isPageRedirect(page) }),
    // The search index: Pagefind indexes each page as soon as it is rendered
    // (its middleware hands them over) and makes its files when the last is;
    // they are written once the pages are (before postBuild, which precaches
    // them). Before mergePageScripts: Pagefind makes its files while that runs.
    searchIndex(),
    // One module script per page, as soon as the pages are generated (before
    // postBuild, which computes each page's CSP from them and precaches the scripts).
    mergePageScripts(),
    // The server bundle is not tree-shaken, nor searched for CommonJS (src/site/integrations/build-speed.ts).
    serverBundleWhole(),
    // Must stay last: it hashes each page's inline code into its CSP and
    // precaches the finished output (Pagefind's index included).
    postBuild(),
  ],
});
