/**
 * The parts of the header's search dialog that come with its code
 * (search-dialog.ts), not with the page's first script
 * (src/site/client/search-dialog-markup.ts): the hint under the field, which
 * describes what the code does; the status line (a polite live region, in
 * place before the first query's outcome is written to it), the offer of a
 * printed page and the results list, which only the code fills; and the link
 * to the search page under the results, which the code shows once there are
 * results.
 */

/**
 * The hint (`#site-search-hint`, the field's description: keys on a desktop,
 * none on a touch screen, search.css), the status line, the offer and the
 * results list (`#site-search-results`, which the field controls).
 */
export const SEARCH_GUIDE_MARKUP =
  '<p id="site-search-hint" class="search-hint"><span class="search-hint-keys">输入即搜；按 Enter 或“搜索”打开搜索页，查看全部结果并筛选；↓ 键进入结果；Esc 关闭。</span>' +
  '<span class="search-hint-touch">输入即搜；点“搜索”打开搜索页，查看全部结果并筛选。</span></p>' +
  '<p id="site-search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>' +
  '<div class="search-offer"></div><ol id="site-search-results" class="search-results"></ol>';

/** What addSearchDialogGuide adds that the dialog's code fills. */
export interface SearchDialogGuide {
  status: HTMLElement;
  offer: HTMLElement;
  list: HTMLOListElement;
  more: HTMLElement;
  moreLink: HTMLAnchorElement;
}

/**
 * Adds after the dialog's form the hint, the status line, the offer and the
 * results list, then the hidden paragraph of the link to the search page.
 */
export function addSearchDialogGuide(form: HTMLFormElement): SearchDialogGuide {
  form.insertAdjacentHTML('afterend', SEARCH_GUIDE_MARKUP);
  const frame = form.parentElement!;
  const status = frame.querySelector<HTMLElement>('[role="status"]')!;
  const offer = frame.querySelector<HTMLElement>('.search-offer')!;
  const list = frame.querySelector<HTMLOListElement>('.search-results')!;
  const more = document.createElement('p');
  more.className = 'search-more';
  more.hidden = true;
  const moreLink = more.appendChild(document.createElement('a'));
  moreLink.href = form.action;
  list.after(more);
  return { status, offer, list, more, moreLink };
}
