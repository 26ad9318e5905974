/**
 * The header's search (`<site-search>`, PlanSearch.astro). The dialog's code
 * (search-dialog.ts, its renderer and engine) and styles (search.css) are
 * downloaded on first use: when the reader points at or focuses the button,
 * presses it, or types `/` or Ctrl+K (⌘K). A press that comes before the code
 * opens the dialog at once; the code then takes it over, searching what the
 * reader has typed, so no press and no keystroke is lost. The dialog itself
 * is added when the page loads (search-dialog-markup.ts), not sent in the HTML;
 * its hint and its link to the search page come with its code.
 */
import searchCss from '../styles/search.css?url&no-inline';
import { loadStylesheet } from './load-stylesheet';
import { searchDialogMarkup } from './search-dialog-markup';

class SiteSearchElement extends HTMLElement {
  connectedCallback() {
    const base = this.dataset.base ?? '/';
    const button = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    // data-search-page: the search page's URL, written by PlanSearch.astro from the URL contract.
    if (!this.querySelector('dialog')) this.insertAdjacentHTML('beforeend', searchDialogMarkup(this.dataset.searchPage!));
    const dialog = this.querySelector('dialog')!;
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
    let loading: Promise<typeof import('../../search/search-dialog')> | null = null;
    let mounted = false;
    const load = () => (loading ??= Promise.all([import('../../search/search-dialog'), loadStylesheet(searchCss)]).then(([module]) => module));
    /** Where focus was when the dialog opened before its code: it goes back there on close. */
    let opener: HTMLElement | null = null;
    /** Hands the dialog to its code once it has come; a dialog the reader opened meanwhile stays open, with what they typed searched. */
    const mount = () =>
      load().then(({ mountSearchDialog }) => {
        if (mounted) return;
        mounted = true;
        mountSearchDialog(this, base);
        if (dialog.open && input.value !== '') input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    /** Before the code has come: the dialog opens at once, so what the reader types goes into its field. */
    const openNow = () => {
      if (!dialog.open) {
        const active = document.activeElement;
        opener = active instanceof HTMLElement && active !== document.body ? active : null;
        dialog.addEventListener('close', () => opener?.focus(), { once: true });
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
