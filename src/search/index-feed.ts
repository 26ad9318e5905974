/**
 * The pages the search index is given while Astro renders them
 * (page-feed-middleware.ts hands each one over): which of them Pagefind
 * indexes, in what order they are sent, and the check, once the build is
 * written, that they are exactly the built pages Pagefind would index, as
 * built.
 *
 * The order is the index's bytes: Pagefind numbers pages in the order they
 * are added, and its files hold those numbers. Astro renders route after
 * route, in an order fixed by the build, but a route's pages in the order of
 * its content collection, which is the order the loader happened to read the
 * files in. So each route's pages are held until the route is done (a page
 * of another route arrives, or the last page is in) and sent in the order of
 * their file paths: the same order in every build of the same inputs.
 */
import { builtFileOf, type PageFeed, type RenderedPage } from './page-feed';

/** Pagefind's marker of the part of a page it indexes. */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/** A page for Pagefind: its file in the output folder (the `sourcePath` Pagefind makes its URL of) and its HTML. */
export interface FedPage {
  sourcePath: string;
  html: string;
}

/**
 * Pagefind indexes only the pages that have a `data-pagefind-body` element
 * once any page has one (its documented rule; which pages have one,
 * index-only-plan.ts decides). The others are not viewed and not sent at
 * all: three quarters of the site's pages, and of the index's time (issue
 * 13: the build within 15 s). Matched as text, so a page that only names the
 * attribute is sent, and skipped by Pagefind; none is left out that Pagefind
 * would index. (Pagefind would index every page of a site where none has
 * one; this site always has some, and a build where none came is an error:
 * `feedProblems`.)
 */
export function isIndexed(html: string): boolean {
  return html.includes(BODY_ATTRIBUTE);
}

/** Receives the rendered pages and sends those Pagefind indexes, each route's in the order of their files. */
export class IndexFeed implements PageFeed {
  /** Every page taken, by file. */
  readonly fed = new Map<string, string>();
  #route: string | undefined;
  #held: FedPage[] = [];

  /** `send` gets each page taken, in the feed's order. */
  constructor(
    private readonly base: string,
    private readonly send: (page: FedPage) => void,
  ) {}

  page({ route, pathname, html }: RenderedPage): void {
    if (route !== this.#route) this.end();
    this.#route = route;
    if (!isIndexed(html)) return;
    const sourcePath = builtFileOf(pathname, this.base);
    if (this.fed.has(sourcePath)) throw new Error(`search index: ${sourcePath} was rendered twice`);
    this.fed.set(sourcePath, html);
    this.#held.push({ sourcePath, html });
  }

  /** Sends the pages of the route rendered last; call it when every page is rendered. */
  end(): void {
    const held = this.#held.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
    this.#held = [];
    for (const page of held) this.send(page);
  }
}

/**
 * What is wrong with the pages fed (`fed`: file → HTML as rendered), against
 * the built pages (`built`: file → HTML as written): none fed, a built page
 * Pagefind would index that was not fed, a page fed that was not written, or
 * one written otherwise than it was fed, as `sameForIndex` sees them.
 */
export function feedProblems(
  fed: ReadonlyMap<string, string>,
  built: ReadonlyMap<string, string>,
  sameForIndex: (rendered: string, written: string) => boolean,
): string[] {
  if (fed.size === 0) return ['no page was given to the index while the site was rendered (is its middleware, page-feed-middleware.ts, in the build?)'];
  const problems: string[] = [];
  for (const [file, html] of built) {
    if (isIndexed(html) && !fed.has(file)) problems.push(`${file} has ${BODY_ATTRIBUTE} but was not given to the index`);
  }
  for (const [file, rendered] of fed) {
    const written = built.get(file);
    if (written === undefined) problems.push(`${file} was indexed but not written`);
    else if (!sameForIndex(rendered, written)) problems.push(`${file} was written otherwise than it was indexed`);
  }
  return problems;
}
