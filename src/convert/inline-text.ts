import type { Inline } from './model.ts';

/** The plan characters of a run of inlines (page breaks carry none). */
export function inlineText(parts: readonly Inline[]): string {
  let s = '';
  for (const p of parts) if (typeof p === 'string') s += p;
  return s;
}

/** Appends inlines, merging neighbouring strings so that runs stay canonical. */
export function pushInlines(target: Inline[], ...parts: Inline[]): Inline[] {
  for (const p of parts) {
    const last = target.at(-1);
    if (typeof p === 'string' && typeof last === 'string') target[target.length - 1] = last + p;
    else if (p !== '') target.push(p);
  }
  return target;
}

/**
 * The inlines between character offsets `from` and `to` of the run's text.
 * A page break at an offset belongs to the text that follows it (the page
 * begins there), so it is kept by the slice that starts at that offset.
 */
export function sliceInlines(parts: readonly Inline[], from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const p of parts) {
    if (typeof p !== 'string') {
      if (at >= from && at < to) pushInlines(out, p);
      continue;
    }
    const a = Math.max(from, at);
    const b = Math.min(to, at + p.length);
    if (a < b) pushInlines(out, p.slice(a - at, b - at));
    at += p.length;
  }
  return out;
}
