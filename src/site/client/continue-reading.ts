/**
 * On the home page: “继续阅读：第七篇第四章 二、…”, a link to the place last
 * read on this device (reading-positions.ts), shown only when there is one.
 */
import { continueReadingText, latestPosition, positionHref } from './continue-reading-link';
import { readPositions } from './reading-positions';

const box = document.querySelector<HTMLElement>('[data-continue-reading]');
const link = box?.querySelector<HTMLAnchorElement>('a');
if (box && link) {
  const position = latestPosition(readPositions(), box.dataset.base ?? '/');
  if (position) {
    link.href = positionHref(position);
    link.textContent = continueReadingText(position);
    box.hidden = false;
  }
}
