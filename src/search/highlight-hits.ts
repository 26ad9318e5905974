/**
 * On a page reached from a search result (`…/?highlight=碳达峰#section-1`):
 * marks every occurrence of the searched terms in the page's text with
 * `<mark class="search-hit">`, and brings the first one at or after the
 * targeted anchor into view, with the bar that moves between the hits
 * (hit-bar.ts). Terms match as the search matches them: unit by unit,
 * punctuation between units ignored (see units.ts). Loaded only on a page
 * whose address carries `?highlight=` (PlanMarkdownContent.astro).
 */
import { showHitBar } from './hit-bar';
import { HIGHLIGHT_PARAM } from './search-paths';
import { findKeyRuns, queryTerms, unitSpans } from './units';

/** Elements whose text is the site's, not the plan's. */
const SKIP = 'script, style, svg, nav, footer, [data-pagefind-ignore], [data-nontext], .sr-only';
/** Elements that end a run of text: a term never spans two of them. */
const BLOCK = 'p, li, td, th, caption, h1, h2, h3, h4, h5, h6, dt, dd, blockquote, figcaption, div, aside, section, article';

/** The text nodes of `root` that hold page text, grouped by the block they stand in. */
function textRuns(root: Element): Text[][] {
  const runs = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIP) || node.nodeValue === '') return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement!.closest(BLOCK) ?? root;
    const run = runs.get(block) ?? [];
    run.push(node as Text);
    runs.set(block, run);
  }
  return [...runs.values()];
}

/** Wraps `[start, end)` of the run's concatenated text in marks, one per text node touched. */
function mark(run: Text[], starts: number[], start: number, end: number): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (let i = run.length - 1; i >= 0; i--) {
    const from = Math.max(start, starts[i]!);
    const to = Math.min(end, starts[i]! + run[i]!.length);
    if (from >= to) continue;
    let node = run[i]!;
    if (to - starts[i]! < node.length) node.splitText(to - starts[i]!);
    if (from > starts[i]!) node = node.splitText(from - starts[i]!);
    const hit = document.createElement('mark');
    hit.className = 'search-hit';
    node.replaceWith(hit);
    hit.append(node);
    marks.unshift(hit);
  }
  return marks;
}

/** Marks the terms of `query` inside `root`; returns the marks in document order. */
export function markTerms(root: Element, query: string): HTMLElement[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const marks: HTMLElement[] = [];
  for (const run of textRuns(root)) {
    const starts: number[] = [];
    let text = '';
    for (const node of run) {
      starts.push(text.length);
      text += node.data;
    }
    const spans = unitSpans(text);
    const keys = spans.map((s) => s.key);
    const ranges: [number, number][] = [];
    for (const { keys: termKeys } of terms) {
      for (const i of findKeyRuns(keys, termKeys)) ranges.push([spans[i]!.start, spans[i + termKeys.length - 1]!.end]);
    }
    // Right to left, so that earlier offsets stay valid while text nodes are split.
    ranges.sort((a, b) => b[0] - a[0]);
    let limit = Infinity;
    for (const [start, end] of ranges) {
      if (end > limit) continue; // overlaps a later mark
      marks.push(...mark(run, starts, start, end));
      limit = start;
    }
  }
  return marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function highlightFromUrl(): void {
  const query = new URL(location.href).searchParams.get(HIGHLIGHT_PARAM);
  const main = document.querySelector('main');
  if (!query || !main) return;
  const marks = markTerms(main, query);
  if (marks.length === 0) return;
  main.dataset.searchHits = String(marks.length);
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const found = target
    ? marks.findIndex((m) => target.contains(m) || target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)
    : 0;
  const at = Math.max(found, 0);
  showHitBar(marks, at, query);
  if (found < 0) return;
  const first = marks[at]!;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) first.scrollIntoView({ block: 'center' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlightFromUrl);
else highlightFromUrl();
