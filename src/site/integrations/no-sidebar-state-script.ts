/**
 * A Vite plugin (astro.config.mjs) that empties Starlight's sidebar-state
 * script (`SidebarPersistState.ts`, which its page component loads on every
 * page). The script remembers which sidebar groups were open and how far the
 * list was scrolled, for the persister around Starlight's own sidebar; this
 * site's sidebar (PlanSidebar.astro) has no persister, so the script found
 * nothing to remember and only wrote an unused entry to sessionStorage. It
 * was about 0.3 KB gzip of every page's script (issue 13).
 */
import type { Plugin } from 'vite';
import { starlightModule, starlightStandIn } from './starlight-module';

const SIDEBAR_STATE_SCRIPT = starlightModule('components/SidebarPersistState.ts');

export default function noSidebarStateScript(): Plugin {
  return starlightStandIn('gangyao:no-sidebar-state-script', SIDEBAR_STATE_SCRIPT, 'export {};\n');
}
