/**
 * A Vite plugin (astro.config.mjs) that keeps `style="…"` attributes out of
 * the pages Starlight renders. Three of its components set a CSS variable
 * inline: every icon its size (`--sl-icon-size: 1em`), every element of the
 * on-page contents its depth (`--depth: 0`, Astro's `define:vars`), the theme
 * select its width. Each distinct attribute costs its own hash in the page's
 * Content-Security-Policy (plus 'unsafe-hashes'); together about 0.4 KB gzip
 * on every page (issue 13). The same values come from the stylesheet instead
 * (plan.css, "Starlight's variables without style attributes"):
 *
 * - an icon of another size than the default 1em says so in `data-icon-size`
 *   (`<svg data-icon-size="1.5rem">`), which the stylesheet turns into
 *   `--sl-icon-size` (ICON_SIZES: every size Starlight's rendered components
 *   use); an icon colour (only Starlight's draft notice sets one, which this
 *   site never renders) fails the build;
 * - the depth of the contents' lists follows from their nesting;
 * - the theme select's width is set on `starlight-theme-select`.
 *
 * It edits the components as Astro has compiled them; should Starlight change
 * so that a part is not found, the build fails here instead of shipping
 * the attributes.
 */
import type { Plugin } from 'vite';
import { starlightModule } from './starlight-module';

/** The sizes (besides the default 1em) Starlight's components give icons; plan.css has a rule for each. */
export const ICON_SIZES: readonly string[] = ['1rem', '1.25rem', '1.5rem'];

/** The width of Starlight's theme select, the only select the site renders (set in plan.css). */
export const THEME_SELECT_WIDTH = '6.25em';

interface Edit {
  /** The compiled component (not its `?astro&type=style…` parts). */
  file: RegExp;
  /**
   * Each part as Astro 5 compiles Starlight 0.37's component (`Astro` may be
   * renamed `Astro2` by then), and what it becomes; every occurrence is replaced.
   */
  parts: [from: RegExp, to: string][];
}

const DEFINED_VARS_STYLE = /\$\{\$\$addAttribute\(\$\$definedVars, "style"\)\}/g;

const iconSize = `(() => { if (color !== undefined) throw new Error('Icon colour is not supported: see src/site/integrations/no-style-attributes.ts'); if (size !== '1em' && !${JSON.stringify(ICON_SIZES)}.includes(size)) throw new Error('Icon size ' + size + ' has no rule in plan.css: see src/site/integrations/no-style-attributes.ts'); return size === '1em' ? undefined : size; })()`;
const themeSelectWidth = `(() => { if ($1.props.width !== ${JSON.stringify(THEME_SELECT_WIDTH)}) throw new Error('Select width ' + $1.props.width + ' has no rule in plan.css: see src/site/integrations/no-style-attributes.ts'); return ''; })()`;

export const EDITS: readonly Edit[] = [
  {
    file: starlightModule('user-components/Icon.astro'),
    parts: [[DEFINED_VARS_STYLE, `\${$$$$addAttribute(${iconSize}, "data-icon-size")}`]],
  },
  {
    file: starlightModule('components/TableOfContents/TableOfContentsList.astro'),
    parts: [[DEFINED_VARS_STYLE, '']],
  },
  {
    file: starlightModule('components/Select.astro'),
    parts: [[/\$\{\$\$addAttribute\(`--sl-select-width: \$\{(Astro\d*)\.props\.width\}`, "style"\)\}/g, `\${${themeSelectWidth}}`]],
  },
];

export default function noStyleAttributes(): Plugin {
  return {
    name: 'gangyao:no-style-attributes',
    transform(code, id) {
      const edit = EDITS.find((e) => e.file.test(id));
      if (!edit) return null;
      let out = code;
      for (const [from, to] of edit.parts) {
        if (!from.test(out)) this.error(`${id}: not found: ${from.source} (see no-style-attributes.ts)`);
        from.lastIndex = 0;
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}
