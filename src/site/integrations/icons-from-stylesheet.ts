/**
 * A Vite plugin (astro.config.mjs) that takes the drawings of Starlight's
 * icons out of the pages: an icon is rendered as an empty `<svg
 * data-icon="name">`, sized as before, and the stylesheet paints it
 * (src/site/styles/icons.css: the icon's drawing as a mask, filled with the
 * text colour, as Starlight fills it). Each page carried about ten drawings
 * (search, theme select twice, menu, carets, 上一页/下一页 arrows), about
 * 0.65 KB gzip sent again with every page; in the cached stylesheet they are
 * sent once (issue 13). The theme select's icon, which shows the chosen theme,
 * is switched by `data-icon` too (src/site/before-paint/before-paint.js).
 *
 * ICONS lists the icons icons.css draws; an icon not among them fails the
 * build, and tests/site/icons.test.ts checks each drawing against
 * Starlight's own. It edits Starlight's icon component as Astro has compiled
 * it; should Starlight change so that the part is not found, the build fails
 * here instead of shipping empty icons.
 */
import type { Plugin } from 'vite';
import { starlightModule } from './starlight-module';

/** The Starlight icons the site renders, each drawn by src/site/styles/icons.css. */
export const ICONS: readonly string[] = ['magnifier', 'laptop', 'sun', 'moon', 'down-caret', 'bars', 'close', 'right-caret', 'left-arrow', 'right-arrow'];

const STARLIGHT_ICON = starlightModule('user-components/Icon.astro');
/** The drawing's frame and fill, and the drawing, as Astro 5 compiles Starlight 0.37's icon. */
const DRAWN = /viewBox="0 0 24 24" fill="currentColor"([^>]*)>\$\{\$\$unescapeHTML\(Icons\[name\]\)\}<\/svg>/;

const iconName = `(() => { if (!${JSON.stringify(ICONS)}.includes(name)) throw new Error('Icon ' + name + ' is not drawn by src/site/styles/icons.css: see src/site/integrations/icons-from-stylesheet.ts'); return name; })()`;

export default function iconsFromStylesheet(): Plugin {
  return {
    name: 'gangyao:icons-from-stylesheet',
    transform(code, id) {
      if (!STARLIGHT_ICON.test(id)) return null;
      if (!DRAWN.test(code)) this.error(`${id}: not found: ${DRAWN.source} (see icons-from-stylesheet.ts)`);
      return { code: code.replace(DRAWN, (_, rest: string) => `\${$$addAttribute(${iconName}, "data-icon")}${rest}></svg>`), map: null };
    },
  };
}
