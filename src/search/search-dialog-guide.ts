/**
 * The parts of the header's search dialog that come with its code
 * (search-dialog.ts), not with the page's first script
 * (src/site/client/search-dialog-markup.ts): the hint under the field, which
 * describes what the code does, and the link to the search page under the
 * results, which the code fills in and shows once there are results.
 */

/** The hint (`#site-search-hint`, the field's description): keys on a desktop, none on a touch screen (search.css). */
export const SEARCH_HINT_MARKUP =
  '<p id="site-search-hint" class="search-hint"><span class="search-hint-keys">输入即搜；按 Enter 或“搜索”打开搜索页，查看全部结果并筛选；↓ 键进入结果；Esc 关闭。</span>' +
  '<span class="search-hint-touch">输入即搜；点“搜索”打开搜索页，查看全部结果并筛选。</span></p>';

/**
 * Adds the hint after the dialog's form and, after its results, the hidden
 * paragraph of the link to the search page; returns that paragraph and its link.
 */
export function addSearchDialogGuide(form: HTMLFormElement, results: HTMLElement): { more: HTMLElement; moreLink: HTMLAnchorElement } {
  form.insertAdjacentHTML('afterend', SEARCH_HINT_MARKUP);
  const more = document.createElement('p');
  more.className = 'search-more';
  more.hidden = true;
  const moreLink = more.appendChild(document.createElement('a'));
  moreLink.href = form.action;
  results.after(more);
  return { more, moreLink };
}
