/**
 * The header's search (`<site-search>`, PlanSearch.astro). The dialog's code
 * (search-dialog.ts, its renderer and engine) and styles (search.css) are
 * downloaded on first use: when the reader points at or focuses the button,
 * presses it, or types `/` or Ctrl+K (⌘K). A press that comes before the code
 * opens the dialog at once, and the code takes it over with what the reader
 * has typed in it, so no press and no keystroke is lost.
 */
import searchCss from '../styles/search.css?url&no-inline';
import { loadStylesheet } from './load-stylesheet';

class SiteSearchElement extends HTMLElement {
  connectedCallback() {
    const base = this.dataset.base ?? '/';
    const button = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
    let loading: Promise<typeof import('../../search/search-dialog')> | null = null;
    let mounted = false;
    const load = () => (loading ??= Promise.all([import('../../search/search-dialog'), loadStylesheet(searchCss)]).then(([module]) => module));
    /** Hands the dialog to its code once it has come; if the reader opened it meanwhile, it reopens through that code with what they typed. */
    const mount = () =>
      load().then(async ({ mountSearchDialog }) => {
        if (mounted) return;
        mounted = true;
        const reopen = dialog.open;
        const typed = input.value;
        if (reopen) {
          // Closed before the code listens, so that its focus return does not act on this close.
          const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
          dialog.close();
          await closed;
        }
        mountSearchDialog(this, base);
        if (!reopen) return;
        button.click();
        if (typed !== '') {
          input.value = typed;
          input.setSelectionRange(typed.length, typed.length);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    /** Before the code has come: the dialog opens at once, so what the reader types goes into its field. */
    const openNow = () => {
      if (!dialog.open) {
        dialog.showModal();
        input.focus();
      }
      void mount();
    };
    button.addEventListener('pointerenter', () => void mount());
    button.addEventListener('focus', () => void mount());
    button.addEventListener('click', (event) => {
      if (mounted) return;
      event.stopImmediatePropagation();
      openNow();
    });
    addEventListener('keydown', (event) => {
      if (mounted) return;
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const shortcut = (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !typing && !event.altKey && !event.metaKey && !event.ctrlKey;
      if (!shortcut && !slash) return;
      event.preventDefault();
      openNow();
    });
  }
}
customElements.define('site-search', SiteSearchElement);
