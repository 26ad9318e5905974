/**
 * The bar on a page reached from a search result: `第 1/4 处 · 上一处 ·
 * 下一处 · 清除标记`. The buttons move between the marked hits (round the
 * ends), bring the current one into view and set it apart; the position is a
 * polite live region, so a screen reader hears `第 2/4 处` after each move.
 * 清除标记 removes the marks and the bar, and the search from the address.
 * Loaded with highlight-hits.ts, only when the address carries a search.
 */
import { HIGHLIGHT_PARAM } from './search-paths';

const CURRENT = 'search-hit-current';

/** `第 1/4 处` */
export const hitPositionText = (at: number, total: number) => `第 ${at + 1}/${total} 处`;

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Removes the marks `marks` (their text stays, joined back to its neighbours). */
function unmark(marks: readonly HTMLElement[]): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

/** Shows the bar for `marks` (in document order) with `marks[start]` current; `query` names the search. */
export function showHitBar(marks: HTMLElement[], start: number, query: string): HTMLElement {
  let at = start;
  const bar = document.createElement('div');
  bar.className = 'search-hit-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', `搜索“${query}”的结果`);
  bar.dataset.nontext = '';
  const position = document.createElement('span');
  position.className = 'search-hit-bar-position';
  position.setAttribute('aria-live', 'polite');
  position.setAttribute('aria-atomic', 'true');

  const show = (scroll: boolean) => {
    marks.forEach((m, i) => m.classList.toggle(CURRENT, i === at));
    position.textContent = hitPositionText(at, marks.length);
    if (scroll) marks[at]!.scrollIntoView({ block: 'center' });
  };
  const move = (step: number) => {
    at = (at + step + marks.length) % marks.length;
    show(true);
  };
  const clear = () => {
    unmark(marks);
    bar.remove();
    const main = document.querySelector('main');
    if (main) {
      delete main.dataset.searchHits;
      main.tabIndex = -1;
      main.focus({ preventScroll: true });
    }
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, '', url);
  };

  const previous = button('上一处', () => move(-1));
  const next = button('下一处', () => move(1));
  previous.disabled = next.disabled = marks.length < 2;
  bar.append(position, previous, next, button('清除标记', clear));
  document.body.append(bar);
  // Room below the page's end, so the bar never covers its last lines.
  document.body.style.paddingBottom = `${bar.offsetHeight}px`;
  show(false);
  return bar;
}
