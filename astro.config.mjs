// @ts-check
/**
 * Astro + Starlight configuration of the reader site.
 *
 * SITE_URL (default http://localhost:4321) and BASE_PATH (default /) set where
 * the site is deployed; every link goes through Astro's base, so a build with
 * BASE_PATH=/plan/ works unchanged. The sidebar is read from the converter's
 * plan.json at config time, so its order is the plan's order.
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import { readPlan } from './src/site/plan/read-plan-fs.ts';
import { SITE_TITLE, planSidebar } from './src/site/plan/plan-nav.ts';
import { isPageRedirect } from './src/site/site-paths.ts';
import remarkSectionIds from './src/site/integrations/remark-section-ids.ts';
import rehypeHeadingLinks from './src/site/integrations/rehype-heading-links.ts';
import postBuild from './src/site/integrations/post-build-fs.ts';
import searchIndex from './src/search/search-index-fs.ts';

const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
const plan = readPlan();
/** The base as a directory URL, for files in public/ (`/` or `/plan/`). */
const baseDir = base.endsWith('/') ? base : `${base}/`;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  markdown: {
    // The plan's characters are printed as they are: no "smart" quotes or
    // dashes (`--` would become `—`, `"` would become “).
    smartypants: false,
    remarkPlugins: [remarkSectionIds],
    rehypePlugins: [rehypeHeadingLinks],
  },
  integrations: [
    starlight({
      title: SITE_TITLE,
      description: plan.title,
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      // Our own heading links carry no hidden text (see rehype-heading-links.ts).
      markdown: { headingLinks: false },
      sidebar: planSidebar(plan),
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 2 },
      customCss: ['./src/site/styles/plan.css', './src/site/styles/print.css'],
      // Installable and offline: the web app manifest, and the module that
      // registers the service worker written by postBuild (src/build/).
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${baseDir}manifest.webmanifest` } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${baseDir}icons/apple-touch-icon.png` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#b3261e' } },
        { tag: 'script', attrs: { type: 'module', src: `${baseDir}register-sw.js` } },
      ],
      // Search is ours (src/search/): Pagefind indexes in searchIndex() below,
      // only the pages that show the plan's text.
      pagefind: false,
      routeMiddleware: './src/search/index-only-plan.ts',
      components: {
        MarkdownContent: './src/site/components/PlanMarkdownContent.astro',
        Search: './src/site/components/PlanSearch.astro',
        PageTitle: './src/site/components/PlanPageTitle.astro',
        Footer: './src/site/components/PlanFooter.astro',
      },
      pagination: true,
      lastUpdated: false,
    }),
    // Starlight adds a sitemap of every page when none is configured; this one
    // leaves out the /page/P/ redirects (noindex pages do not belong in it).
    sitemap({ filter: (page) => !isPageRedirect(page) }),
    // The search index of the built pages (before postBuild, which precaches it).
    searchIndex(),
    // Must stay last: it hashes each page's inline code into its CSP and
    // precaches the finished output (Pagefind's index included).
    postBuild(),
  ],
});
