/**
 * The markup of the header's search dialog (site-search.ts adds it to
 * `<site-search>` when the page loads). It was in every page's HTML, sent
 * again on every visit although only a script can open it; as part of the
 * page's cached script it costs a repeat visit nothing (issue 13).
 *
 * Only what works before the dialog's code has come is here: the field (a
 * press of `/` or Ctrl+K opens the dialog at once, so what the reader types
 * goes into it) and the buttons. The hint, which describes what the code
 * does (search as you type, ↓ into the results), the status line, the lists
 * the results go into and the link to the search page under them come with
 * that code (src/search/search-dialog-guide.ts), so the first visit's script
 * does not carry them.
 */

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The dialog, its form submitting to `searchPage` (the search page's address with the base). */
export function searchDialogMarkup(searchPage: string): string {
  return (
    '<dialog class="search-dialog" aria-labelledby="site-search-label"><div class="search-dialog-frame">' +
    `<form class="search-form" role="search" action="${escapeAttribute(searchPage)}" method="get">` +
    '<label id="site-search-label" for="site-search-input" class="sr-only">搜索规划全文</label> ' +
    '<input id="site-search-input" name="q" type="search" placeholder="搜索规划全文，如：碳达峰" autocomplete="off" enterkeyhint="search" aria-describedby="site-search-hint" aria-controls="site-search-results"> ' +
    '<button type="submit">搜索</button> <button type="button" data-close-modal>关闭</button></form>' +
    '</div></dialog>'
  );
}
