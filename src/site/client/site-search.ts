/**
 * The header's search (`<site-search>`, PlanSearch.astro). The dialog's code
 * (search-dialog.ts, its renderer and engine) and styles (search.css) are
 * downloaded on first use: when the reader points at or focuses the button,
 * presses it, or types `/` or Ctrl+K (⌘K). A press that comes before the code
 * is made again once it is mounted, so none is lost.
 */
import searchCss from '../styles/search.css?url&no-inline';
import { loadStylesheet } from './load-stylesheet';

class SiteSearchElement extends HTMLElement {
  connectedCallback() {
    const base = this.dataset.base ?? '/';
    const button = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    let mounting: Promise<void> | null = null;
    let mounted = false;
    const mount = () =>
      (mounting ??= Promise.all([import('../../search/search-dialog'), loadStylesheet(searchCss)]).then(([{ mountSearchDialog }]) => {
        mountSearchDialog(this, base);
        mounted = true;
      }));
    button.addEventListener('pointerenter', () => void mount());
    button.addEventListener('focus', () => void mount());
    button.addEventListener('click', (event) => {
      if (mounted) return;
      event.stopImmediatePropagation();
      void mount().then(() => button.click());
    });
    addEventListener('keydown', (event) => {
      if (mounted) return;
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const shortcut = (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !typing && !event.altKey && !event.metaKey && !event.ctrlKey;
      if (!shortcut && !slash) return;
      event.preventDefault();
      void mount().then(() => button.click());
    });
  }
}
customElements.define('site-search', SiteSearchElement);
