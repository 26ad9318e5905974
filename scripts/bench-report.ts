/**
 * How `npm run bench` reports, for every module that measures (bench-*.ts):
 *
 * - `row()` prints one figure beside its budget, `ok` or `OVER BUDGET`, and
 *   remembers a figure over budget; `budget()` does the same for a number
 *   held to a maximum or a minimum, so the comparison and its printing agree;
 * - `note()` prints a line of detail under the rows;
 * - `progress()` says what a long step is doing (on stderr, so the figures on
 *   stdout stay a clean table): on a terminal one line rewritten in place,
 *   elsewhere (CI logs) one line each;
 * - `overBudget()` lists the figures over budget; bench.ts exits non-zero
 *   when there is any.
 */

/** Prints one figure beside its budget. */
export type Row = (name: string, value: string, budget: string, ok: boolean) => void;

const over: string[] = [];

export const row: Row = (name, value, budget, ok) => {
  clearProgress();
  console.log(`${name.padEnd(48)} ${value.padStart(10)}   budget ${budget.padEnd(10)} ${ok ? 'ok' : 'OVER BUDGET'}`);
  if (!ok) over.push(`${name}: ${value} (budget ${budget})`);
};

/** A figure `value` (printed with `digits` decimals) held to `at most` or `at least` `limit`. */
export function budget(name: string, value: number, limit: { atMost: number } | { atLeast: number }, digits = 1): void {
  const [sign, bound, ok] = 'atMost' in limit ? ['≤', limit.atMost, value <= limit.atMost] : ['≥', limit.atLeast, value >= limit.atLeast];
  row(name, value.toFixed(digits), `${sign} ${bound}`, ok);
}

/** A line of detail under the rows. */
export function note(text: string): void {
  clearProgress();
  console.log(`  ${text}`);
}

let progressShown = false;
const live = process.stderr.isTTY === true;

/** What a long step is doing now, e.g. `search: first query 12/40`. */
export function progress(text: string): void {
  if (live) {
    process.stderr.write(`\r\x1b[K… ${text}`);
    progressShown = true;
  } else {
    process.stderr.write(`… ${text}\n`);
  }
}

function clearProgress(): void {
  if (progressShown) process.stderr.write('\r\x1b[K');
  progressShown = false;
}

/** The middle item of `items` by `value` (the upper middle of an even count): the figure one slow or one lucky run does not move. */
export function medianBy<T>(items: readonly T[], value: (item: T) => number): T {
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)]!;
}

/** The median of `xs`. */
export const median = (xs: readonly number[]): number => medianBy(xs, (x) => x);

/** The figures over budget so far, each `name: value (budget …)`. */
export function overBudget(): readonly string[] {
  return over;
}
