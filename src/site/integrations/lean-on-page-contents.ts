/**
 * A Vite plugin (astro.config.mjs) that puts src/site/client/on-page-contents.ts
 * in place of Starlight's `TableOfContents/starlight-toc.ts`, the script of
 * the on-page contents that marks the section being read: the same marks on
 * this site's pages in about half the code every page loads (issue 13).
 * Starlight's phone bar imports the class from the module and extends it, as
 * before.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { starlightModule, starlightStandIn } from './starlight-module';

const STARLIGHT_TOC_SCRIPT = starlightModule('components/TableOfContents/starlight-toc.ts');
const ON_PAGE_CONTENTS = fileURLToPath(new URL('../client/on-page-contents.ts', import.meta.url));

export default function leanOnPageContents(): Plugin {
  return starlightStandIn('gangyao:lean-on-page-contents', STARLIGHT_TOC_SCRIPT, `export { StarlightTOC } from ${JSON.stringify(ON_PAGE_CONTENTS)};\n`);
}
