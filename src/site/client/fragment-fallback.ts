/**
 * Links from the term index and copied selection links end in a text
 * fragment after the nearest anchor (`#section-3:~:text=…`). A browser that
 * knows text fragments goes to the text, or else to the anchor; one that does
 * not would look for an element with the id `section-3:~:text=…` and stay at
 * the top. There, this goes to the anchor.
 */
import { fragmentFallbackId } from '../cite/text-fragment';

if (!('fragmentDirective' in document)) {
  const go = () => {
    const id = fragmentFallbackId(location.hash);
    if (id) document.getElementById(id)?.scrollIntoView();
  };
  go();
  window.addEventListener('hashchange', go);
}
