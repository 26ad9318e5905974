/**
 * A query that names a printed page (`56页`, `第56页`, `第 56 页`): search
 * offers the jump to /page/56/, where the page begins. The valid range is
 * the plan's (1 to its last page, from the model), given by the page.
 * Pure.
 */

/** The printed page a query names, or null when it names none. */
export function pageInQuery(query: string): number | null {
  // Full-width digits (from a Chinese input method) count as digits.
  const text = query.trim().replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const match = /^第?\s*(\d{1,4})\s*页$/u.exec(text);
  return match ? Number(match[1]) : null;
}

/** What the search offers for a query naming a page: the jump, or why there is none. */
export type PageOffer = { kind: 'jump'; page: number } | { kind: 'out-of-range'; page: number; first: number; last: number };

/** The offer for `query` on a plan of printed pages `first`…`last`; null when the query names no page. */
export function pageOffer(query: string, first: number, last: number): PageOffer | null {
  const page = pageInQuery(query);
  if (page === null) return null;
  return page >= first && page <= last ? { kind: 'jump', page } : { kind: 'out-of-range', page, first, last };
}
