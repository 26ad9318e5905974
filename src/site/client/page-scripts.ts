/**
 * Everything a page runs before any interaction, as one module: one request
 * and one compressed file instead of one per component (PlanFooter.astro
 * loads it; Starlight puts a footer on every page). Each part does nothing on
 * a page without its element. What a reader may never use is only listened
 * for here and loaded on first use (cite-loader.ts, site-search.ts,
 * search-hits-loader.ts).
 */
import './register-sw';
import './page-address';
import './reading-size';
import './reading-position';
import './print-qr';
import './cite-loader';
import './site-search';
import './search-hits-loader';
