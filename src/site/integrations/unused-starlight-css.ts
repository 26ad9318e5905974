/**
 * A PostCSS plugin (astro.config.mjs, vite.css.postcss) that leaves out of the
 * site's stylesheet the rules of Starlight components and utilities this site
 * never renders: asides, banner, badges, steps, link buttons, the splash
 * hero, the "built with Starlight" credit and four utility classes. Starlight
 * imports their CSS into every page's sheet whether or not a page uses them;
 * together they were ~1.2 KB of the ~11 KB gzip sheet each first visit
 * fetches (issue 13).
 *
 * A rule goes when every one of its selectors names one of these classes;
 * from a rule with other selectors too only those selectors go. Done at
 * build time, before Vite hashes the file, so the file's name still changes
 * with its content. tests/site/unused-starlight-css.test.ts checks that no
 * built page uses any of these classes: a page that starts to must take its
 * name out of UNUSED_CLASSES.
 */
import type { Container, Document, Plugin, Rule } from 'postcss';

/** Classes no page of the site carries (as written in HTML, unescaped). */
export const UNUSED_CLASSES: readonly string[] = [
  'sl-banner',
  'sl-badge',
  'sl-steps',
  'sl-link-button',
  'hero',
  'hero-html',
  'tagline',
  'kudos',
  'sl-block',
  'md:sl-block',
  'light:sl-hidden',
  'dark:sl-hidden',
  'rtl:flip',
];
/** Every class of Starlight's asides (`starlight-aside`, `starlight-aside__title`, …) starts so. */
export const UNUSED_CLASS_PREFIX = 'starlight-aside';

const unused = new Set(UNUSED_CLASSES);

/** Whether the class (as written in HTML) is one this site never renders. */
export function isUnusedClass(name: string): boolean {
  return unused.has(name) || name.startsWith(UNUSED_CLASS_PREFIX);
}

/** Whether a selector names a class the site never renders. */
export function selectsUnused(selector: string): boolean {
  for (const m of selector.matchAll(/\.((?:\\.|[\w-])+)/g)) {
    if (isUnusedClass(m[1].replace(/\\(.)/g, '$1'))) return true;
  }
  return false;
}

export default function unusedStarlightCss(): Plugin {
  return {
    postcssPlugin: 'gangyao-unused-starlight-css',
    OnceExit(root) {
      root.walkRules((rule: Rule) => {
        // Rules nested in a rule (CSS nesting) go with their parent's fate.
        if (rule.parent?.type === 'rule') return;
        const kept = rule.selectors.filter((s) => !selectsUnused(s));
        if (kept.length === rule.selectors.length) return;
        if (kept.length > 0) {
          rule.selectors = kept;
          return;
        }
        // An at-rule (@media, @layer) left empty by the removal goes too;
        // one that was empty before (a layer's place in the order) stays.
        let parent: Container | Document | undefined = rule.parent;
        rule.remove();
        while (parent && parent.type === 'atrule' && parent.nodes?.length === 0) {
          const next: Container | Document | undefined = parent.parent;
          parent.remove();
          parent = next;
        }
      });
    },
  };
}
unusedStarlightCss.postcss = true;
