/**
 * The address of a spot of the page as the reader's browser is served it:
 * origin and path from `location` (never an address fixed at build time, so
 * a copy served anywhere, under any base path, names itself), the spot as
 * its fragment. The current URL's query and fragment are dropped.
 */
import { PAGE_SPOT } from '../cite/citation';

/** `https://host/base/part-5/chapter-3/#section-2` for `section-2` on that page. */
export function servedSpotAddress(key: string, at: Pick<Location, 'origin' | 'pathname'> = location): string {
  const page = at.origin + at.pathname;
  return key === PAGE_SPOT ? page : `${page}#${encodeURIComponent(key)}`;
}
