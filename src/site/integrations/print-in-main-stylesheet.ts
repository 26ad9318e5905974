/**
 * A Vite plugin (astro.config.mjs) that takes the `<link rel="stylesheet"
 * media="print">` of Starlight's print sheet out of every page: its rules,
 * all inside `@media print`, come in the main stylesheet instead (customCss,
 * first, so they cascade as before: ahead of ours). Chromium fetches a print
 * sheet on every first visit; as a file of its own it was 0.9 KB gzip, inside
 * the main sheet about 0.35 KB (issue 13). It edits Starlight's page
 * component as Astro has compiled it; should Starlight change so that the
 * link or its import is not found, the build fails here instead of shipping
 * the link.
 */
import type { Plugin } from 'vite';
import { starlightModule } from './starlight-module';

/** Starlight's page component, which links the print sheet. */
const STARLIGHT_PAGE = starlightModule('components/Page.astro');
/** The import of the sheet's URL and the link, as Astro 5 compiles Starlight 0.37's page. */
const PRINT_PARTS = [
  'import printHref from "../style/print.css?url&no-inline";',
  '<link rel="stylesheet"${$$addAttribute(printHref, "href")} media="print">',
];

export default function printInMainStylesheet(): Plugin {
  return {
    name: 'gangyao:print-in-main-stylesheet',
    apply: 'build',
    transform(code, id) {
      // The component itself, not its style or script parts (`Page.astro?astro&type=style…`).
      if (!STARLIGHT_PAGE.test(id)) return null;
      let out = code;
      for (const part of PRINT_PARTS) {
        if (!out.includes(part)) this.error(`${id}: not found: ${part} (see print-in-main-stylesheet.ts)`);
        out = out.replace(part, '');
      }
      return { code: out, map: null };
    },
  };
}
