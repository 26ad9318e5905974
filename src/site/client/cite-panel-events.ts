/**
 * Events the 引用 panel (`#cite-panel`, see cite-controls.ts) dispatches on
 * itself, so that what else the panel shows (the QR code, qr-controls.ts)
 * follows it without the panel's code knowing about it.
 */

/** The panel opened for a spot; `detail` names it. */
export const CITE_PANEL_OPEN = 'cite-panel-open';
/** The panel closed. */
export const CITE_PANEL_CLOSE = 'cite-panel-close';

/** `detail` of CITE_PANEL_OPEN. */
export interface CitePanelOpen {
  /** The spot's key in the page's citation data: `_top` (the page itself), `section-3`, `box-7`. */
  key: string;
  /** The spot's address as served (served-url.ts): what its QR code holds. */
  url: string;
}
