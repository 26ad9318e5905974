/**
 * The on-page contents' marking of the section being read, in place of
 * Starlight's `starlight-toc.ts` (lean-on-page-contents.ts swaps the module;
 * Starlight's phone bar, `mobile-starlight-toc`, extends this class as it
 * extended Starlight's and keeps its own behaviour: the current section in the
 * bar, the list closing on a link, a click outside or Escape).
 *
 * The same rule as Starlight's: the current section is the one whose text
 * crosses a band of 53 px that starts 2rem below the header (and, on a phone,
 * below the contents' bar), or 概述 (`#_top`) above the first section. Here
 * that is the last listed heading whose top is above the band's foot, found
 * on scrolling and resizing, instead of Starlight's generic search of the
 * page's elements through an IntersectionObserver: this site lists only its
 * `h2` sections, each heading before its text, so the simpler rule gives the
 * same mark in about half the code, which every page loads (issue 13).
 * tests/browser/reader.test.ts pins the behaviour.
 */

/** How far below the header the band starts (2rem), and its height, as Starlight's. */
const BAND_OFFSET = 32;
const BAND_HEIGHT = 53;

export class StarlightTOC extends HTMLElement {
  private _current = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');

  protected set current(link: HTMLAnchorElement) {
    if (link === this._current) return;
    this._current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this._current = link;
  }

  constructor() {
    super();
    const links = [...this.querySelectorAll('a')];
    const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
    let queued = false;
    const mark = () => {
      queued = false;
      const bandFoot =
        (document.querySelector('header')?.getBoundingClientRect().height ?? 0) +
        (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) +
        BAND_OFFSET +
        BAND_HEIGHT;
      let current = links[0];
      headings.forEach((heading, i) => {
        if (heading && heading.getBoundingClientRect().top < bandFoot) current = links[i];
      });
      if (current) this.current = current;
    };
    const queue = () => {
      if (!queued) requestAnimationFrame(mark);
      queued = true;
    };
    addEventListener('scroll', queue, { passive: true });
    addEventListener('resize', queue);
    queue();
  }
}

customElements.define('starlight-toc', StarlightTOC);
