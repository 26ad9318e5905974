/**
 * The markup of the header's search dialog (site-search.ts adds it to
 * `<site-search>` when the page loads). It was in every page's HTML, sent
 * again on every visit although only a script can open it; as part of the
 * page's cached script it costs a repeat visit nothing (issue 13).
 */

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The dialog, its form submitting to `searchPage` (the search page's address with the base). */
export function searchDialogMarkup(searchPage: string): string {
  const action = escapeAttribute(searchPage);
  return (
    '<dialog class="search-dialog" aria-labelledby="site-search-label"><div class="search-dialog-frame">' +
    `<form class="search-form" role="search" action="${action}" method="get">` +
    '<label id="site-search-label" for="site-search-input" class="sr-only">搜索规划全文</label> ' +
    '<input id="site-search-input" name="q" type="search" placeholder="搜索规划全文，如：碳达峰" autocomplete="off" enterkeyhint="search" aria-describedby="site-search-hint" aria-controls="site-search-results"> ' +
    '<button type="submit">搜索</button> <button type="button" data-close-modal>关闭</button></form>' +
    '<p id="site-search-hint" class="search-hint"><span class="search-hint-keys">输入即搜；按 Enter 或“搜索”打开搜索页，查看全部结果并筛选；↓ 键进入结果；Esc 关闭。</span>' +
    '<span class="search-hint-touch">输入即搜；点“搜索”打开搜索页，查看全部结果并筛选。</span></p>' +
    '<p id="site-search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>' +
    '<div class="search-offer"></div><ol id="site-search-results" class="search-results"></ol>' +
    `<p class="search-more" hidden><a data-search-page href="${action}">在搜索页查看全部结果，按篇、类型筛选</a></p>` +
    '</div></dialog>'
  );
}
