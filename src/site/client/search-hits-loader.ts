/**
 * On a page reached from a search result (`?highlight=…`): the code that
 * marks the searched terms (search/highlight-hits.ts) and its styles, loaded
 * then and only then.
 */
import { HIGHLIGHT_PARAM } from '../../search/search-paths';
import searchCss from '../styles/search.css?url&no-inline';
import { loadStylesheet } from './load-stylesheet';

if (new URL(location.href).searchParams.has(HIGHLIGHT_PARAM)) {
  void loadStylesheet(searchCss);
  void import('../../search/highlight-hits');
}
