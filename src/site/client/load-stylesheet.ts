/**
 * Adds a stylesheet to the page once, on first use. The styles of what loads
 * on first use (the 引用 panel, the search dialog) are imported by URL
 * (`…css?url`) and added here: imported as CSS, Astro would link them from
 * every page that could ever load their code.
 */
const loading = new Map<string, Promise<void>>();

/** Resolves once the sheet at `href` has loaded (or failed: the feature still works, unstyled). */
export function loadStylesheet(href: string): Promise<void> {
  let done = loading.get(href);
  if (!done) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    done = new Promise<void>((resolve) => {
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
    });
    document.head.append(link);
    loading.set(href, done);
  }
  return done;
}
