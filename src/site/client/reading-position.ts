/**
 * On a chapter page: remembers where the reader is (reading-positions.ts) —
 * the last section heading above a line a quarter down the window, or the
 * chapter's start — when scrolling stops, and when the page is hidden or left.
 */
import { rememberPosition } from './reading-positions';

/** How long scrolling must pause before the place is written. */
const SETTLE_MS = 250;

function mount(marker: HTMLElement): void {
  const place = marker.dataset.readingPlace ?? '';
  const headings = [...document.querySelectorAll<HTMLElement>('main h2[id^="section-"]')];

  const current = (): HTMLElement | null => {
    const line = innerHeight / 4;
    let found: HTMLElement | null = null;
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top > line) break;
      found = heading;
    }
    return found;
  };

  const save = () => {
    const heading = current();
    rememberPosition({
      path: location.pathname,
      anchor: heading?.id ?? null,
      place,
      section: heading ? (heading.textContent ?? '').trim() : null,
      at: Date.now(),
    });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  addEventListener('scroll', () => {
    clearTimeout(timer);
    timer = setTimeout(save, SETTLE_MS);
  }, { passive: true });
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
  // A page opened at an anchor has scrolled there by load.
  if (document.readyState === 'complete') save();
  else addEventListener('load', save, { once: true });
}

const marker = document.querySelector<HTMLElement>('[data-reading-place]');
if (marker) mount(marker);
