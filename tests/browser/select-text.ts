/**
 * Selecting words of the plan in a page as a reader would: the first
 * occurrence of `text` in the page's content, scrolled into view.
 */
import type { Page } from 'playwright-core';

/** Selects `text` in the page's content; returns the selection's text, or null when the content does not hold it. */
export function selectText(page: Page, text: string): Promise<string | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('main .sl-markdown-content')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    }
    return null;
  }, text);
}
