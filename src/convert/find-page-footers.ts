import { SourceError, type LineIndex } from './errors.ts';
import type { HeadingPlace } from './locate-headings.ts';

/** A printed page footer found in the text: page number `page` at `start`. */
export interface PageFooter {
  page: number;
  start: number;
  end: number;
}

/** Costs that rank the candidate places of one footer; lower is likelier. */
const COST = {
  /** The digits continue a number on the left (`2025130年`) or right. */
  digitNeighbour: 3,
  /** A decimal point next to the digits (`0.75`): almost surely a real number. */
  decimalNeighbour: 5,
  /** Every 篇 and many 章 open a new page, so a footer right before them is likely. */
  beforeHeadingOfNextPage: -4,
  /** Tie-breaker: pages are of roughly even length. */
  perCharOffEvenLength: 1e-4,
};

/**
 * Finds the printed page footers 1…N in the body, each exactly once and in
 * order, where N is the number that ends the file (the last page's footer).
 *
 * A footer is the page number glued into the text where the page ended, so it
 * can touch real numbers (`到2025130年` is 2025 + footer 130) and every page
 * number also occurs as a real number somewhere. The table of contents fixes a
 * window for each footer: footer F comes after every heading printed on pages
 * ≤ F and before every heading printed on pages > F. Within the windows a
 * dynamic programme picks the increasing sequence of least total cost.
 */
export function findPageFooters(
  text: string,
  bodyStart: number,
  headings: HeadingPlace[],
  lines: LineIndex,
): PageFooter[] {
  const tail = /(\d+)\s*$/.exec(text);
  const appendix = headings.at(-1)!;
  if (!tail || tail.index < appendix.end || Number(tail[1]) < appendix.page) {
    throw new SourceError(
      lines.lineOf(text.length),
      `expected the file to end with the footer of its last printed page (a number ≥ ${appendix.page}); is the file truncated?`,
    );
  }
  const last = Number(tail[1]);
  const evenLength = (tail.index - bodyStart) / last;

  type Node = { start: number; end: number; cost: number; total: number; from: number };
  let previous: Node[] = [{ start: bodyStart, end: bodyStart, cost: 0, total: 0, from: -1 }];
  const layers: Node[][] = [];
  for (let page = 1; page <= last; page++) {
    const digits = String(page);
    let lo = bodyStart;
    let hi = text.length;
    for (const h of headings) {
      if (h.page <= page) lo = Math.max(lo, h.end);
      else hi = Math.min(hi, h.start);
    }
    if (page === last) lo = tail.index;
    const nodes: Node[] = [];
    for (let at = text.indexOf(digits, lo); at >= 0 && at + digits.length <= hi; at = text.indexOf(digits, at + 1)) {
      const end = at + digits.length;
      let best: Node | null = null;
      let bestTotal = Infinity;
      previous.forEach((p, i) => {
        if (p.end > at) return;
        const total = p.total + Math.abs(at - p.end - evenLength) * COST.perCharOffEvenLength;
        if (total < bestTotal) [bestTotal, best] = [total, { ...p, from: i }];
      });
      if (!best) continue;
      const cost = candidateCost(text, at, end, page, headings);
      nodes.push({ start: at, end, cost, total: bestTotal + cost, from: (best as Node).from });
    }
    if (nodes.length === 0) {
      const after = previous.reduce((a, p) => Math.min(a, p.end), Infinity);
      throw new SourceError(
        lines.lineOf(Math.max(lo, after)),
        `page number ${page} not found: expected the footer of printed page ${page} between line ${lines.lineOf(Math.max(lo, after))} and line ${lines.lineOf(Math.min(hi, text.length - 1))}`,
      );
    }
    layers.push(nodes);
    previous = nodes;
  }
  let index = previous.reduce((b, n, i) => (n.total < previous[b]!.total ? i : b), 0);
  const footers: PageFooter[] = [];
  for (let page = last; page >= 1; page--) {
    const node = layers[page - 1]![index]!;
    footers.push({ page, start: node.start, end: node.end });
    index = node.from;
  }
  return footers.reverse();
}

function candidateCost(text: string, start: number, end: number, page: number, headings: HeadingPlace[]): number {
  const left = text[start - 1] ?? '';
  const right = text[end] ?? '';
  let cost = 0;
  if (/\d/.test(left)) cost += COST.digitNeighbour;
  if (/\d/.test(right)) cost += COST.digitNeighbour;
  if (/[.．]/.test(left) || /[.．]/.test(right)) cost += COST.decimalNeighbour;
  if (headings.some((h) => h.start === end && h.page === page + 1)) cost += COST.beforeHeadingOfNextPage;
  return cost;
}
