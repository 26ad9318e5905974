/**
 * A PostCSS plugin (astro.config.mjs, vite.css.postcss) that leaves out of the
 * site's stylesheet the rules of Starlight components and utilities this site
 * never renders: asides, banner, badges, steps, link buttons, the splash
 * hero, the "built with Starlight" credit and four utility classes, and the
 * scoped styles of the components no page renders (UNUSED_COMPONENTS). Starlight
 * imports their CSS into every page's sheet whether or not a page uses them;
 * together they were ~1.2 KB of the ~11 KB gzip sheet each first visit
 * fetches (issue 13). Also left out: the declarations of Starlight's custom
 * properties no stylesheet, page or script reads (UNUSED_VARIABLES: the
 * blue, green and purple palettes its asides and badges use, and a few
 * sizes), defined for both themes on `:root`.
 *
 * A rule goes when every one of its selectors names one of these classes;
 * from a rule with other selectors too only those selectors go. Done at
 * build time, before Vite hashes the file, so the file's name still changes
 * with its content. tests/site/unused-starlight-css.test.ts checks that no
 * built page uses any of these classes: a page that starts to must take its
 * name out of UNUSED_CLASSES; and that no built file reads one of
 * UNUSED_VARIABLES (`var(--…)`): one that starts to must take it out of the list.
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
  // Expressive Code is off (astro.config.mjs): Starlight's print sheet still styles its frames.
  'expressive-code',
];
/**
 * Starlight's custom elements no page renders (its file tree and tabs, whose
 * print styles its print sheet carries).
 */
export const UNUSED_ELEMENTS: readonly string[] = ['starlight-file-tree', 'starlight-tabs'];
/**
 * Starlight components no page renders, whose scoped styles (and, for the
 * badge, its colour variables on `:root`) Starlight ships anyway: the splash
 * hero, badges, social links (none configured), the edit link (none
 * configured) and the draft/untranslated notices (no drafts; one language).
 * Paths under @astrojs/starlight/.
 */
export const UNUSED_COMPONENTS: readonly string[] = [
  'components/Hero.astro',
  'user-components/Badge.astro',
  'components/SocialIcons.astro',
  'components/EditLink.astro',
  'components/ContentNotice.astro',
];

/**
 * Starlight's custom properties (`--sl-…`, from its props.css) that nothing
 * the site builds reads, whose declarations go: the blue, green and purple
 * palettes and their hues, the low and high tones of orange and red (orange
 * and red themselves are read), the accent background, the small shadow and
 * three text sizes.
 */
export const UNUSED_VARIABLES: readonly string[] = [
  ...['blue', 'green', 'purple'].flatMap((hue) => [`--sl-hue-${hue}`, `--sl-color-${hue}-low`, `--sl-color-${hue}`, `--sl-color-${hue}-high`]),
  ...['orange', 'red'].flatMap((hue) => [`--sl-color-${hue}-low`, `--sl-color-${hue}-high`]),
  '--sl-color-bg-accent',
  '--sl-shadow-sm',
  '--sl-text-6xl',
  '--sl-text-body-sm',
  '--sl-text-code',
];

const unusedVariables = new Set(UNUSED_VARIABLES);

/** Whether the stylesheet at `file` (a path, maybe with Vite's `?astro&type=style…` query) is the style of an unused component. */
export function isUnusedComponentStyle(file: string): boolean {
  const source = file.split('?')[0]!.split('\\').join('/');
  return UNUSED_COMPONENTS.some((c) => source.endsWith(`/@astrojs/starlight/${c}`));
}

/** Every class of Starlight's asides (`starlight-aside`, `starlight-aside__title`, …) starts so. */
export const UNUSED_CLASS_PREFIX = 'starlight-aside';

const unused = new Set(UNUSED_CLASSES);

/** Whether the class (as written in HTML) is one this site never renders. */
export function isUnusedClass(name: string): boolean {
  return unused.has(name) || name.startsWith(UNUSED_CLASS_PREFIX);
}

/**
 * Elements the site never puts in a page's Markdown content
 * (`.sl-markdown-content`): the converter writes headings, paragraphs, lists,
 * tables and boxes, and the site's own pages no code block, quotation or
 * rule there (they do use `code`, `dl` and `details`). Starlight's content
 * styles for them go.
 */
export const UNUSED_CONTENT_ELEMENTS: readonly string[] = ['pre', 'blockquote', 'hr'];

/** `selector` without its `:not(…)` and `:where(…)` groups (which exclude or add no subject). */
function withoutNegations(selector: string): string {
  let out = selector;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/:(?:not|where)\([^()]*\)/g, '');
  }
  return out;
}

/** Whether `selector` names one of the elements `tags` by its type (not as part of a longer name or a class). */
function namesElement(selector: string, tags: readonly string[]): boolean {
  return tags.some((tag) => new RegExp(`(?:^|[\\s>+~(,])${tag}(?![\\w-])`).test(selector));
}

/** Whether a selector of the content styles selects an element the content never has. */
export function selectsUnusedContent(selector: string): boolean {
  const bare = withoutNegations(selector);
  const at = bare.indexOf('.sl-markdown-content ');
  if (at < 0) return false;
  const inContent = bare.slice(at + '.sl-markdown-content'.length);
  return namesElement(inContent, UNUSED_CONTENT_ELEMENTS);
}

/** Whether a selector names a class or a custom element the site never renders, or an element its content never has. */
export function selectsUnused(selector: string): boolean {
  for (const m of selector.matchAll(/\.((?:\\.|[\w-])+)/g)) {
    if (isUnusedClass(m[1].replace(/\\(.)/g, '$1'))) return true;
  }
  if (namesElement(withoutNegations(selector), UNUSED_ELEMENTS)) return true;
  return selectsUnusedContent(selector);
}

export default function unusedStarlightCss(): Plugin {
  return {
    postcssPlugin: 'gangyao-unused-starlight-css',
    OnceExit(root) {
      if (isUnusedComponentStyle(root.source?.input.file ?? '')) {
        // Only the layer order statements (`@layer a, b;`) stay: they fix the cascade.
        root.each((node) => {
          if (!(node.type === 'atrule' && node.name === 'layer' && node.nodes === undefined)) node.remove();
        });
        return;
      }
      root.walkDecls((decl) => {
        if (unusedVariables.has(decl.prop)) decl.remove();
      });
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
