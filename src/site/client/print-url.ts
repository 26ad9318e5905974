/**
 * The address printed on paper (`.print-url`, shown by the print style sheet):
 * the page's path from the build, made absolute where the page is served.
 */
import { servedUrl } from './served-url';

for (const element of document.querySelectorAll<HTMLElement>('.print-url[data-path]')) {
  element.dataset.url = servedUrl(element.dataset.path!);
}
