/**
 * What the faithfulness proofs of the curated tables (indicators-table.ts,
 * packages-table.ts) share: reading the data against its schema with the
 * problems as the proofs word them, comparing multisets of characters, and
 * reading a column-interleaved body as its rows in order.
 *
 * Pure.
 */
import type { z } from 'zod';

/** The data parsed by `schema`, or the schema's problems (`schema: path: message`) and no table. */
export function parseCurated<T>(schema: z.ZodType<T>, data: unknown): { table: T; problems: [] } | { table: null; problems: string[] } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { table: parsed.data, problems: [] };
  return { table: null, problems: parsed.error.issues.map((i) => `schema: ${i.path.join('.') || '(table)'}: ${i.message}`) };
}

/** Counts of each character (code point) in `texts`. */
export function characterMultiset(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * Describes how two character multisets differ, as human-readable problems:
 * characters the raw has that `expected` lacks ("missing") and the reverse
 * ("extra").
 */
export function compareMultisets(raw: Map<string, number>, expected: Map<string, number>, what: string): string[] {
  const missing: string[] = [];
  const extra: string[] = [];
  for (const ch of new Set([...raw.keys(), ...expected.keys()])) {
    const d = (raw.get(ch) ?? 0) - (expected.get(ch) ?? 0);
    if (d > 0) missing.push(`“${ch}”×${d}`);
    if (d < 0) extra.push(`“${ch}”×${-d}`);
  }
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`${what}: characters of the raw missing from the curated data: ${missing.join(' ')}`);
  if (extra.length > 0) problems.push(`${what}: characters in the curated data that the raw does not have: ${extra.join(' ')}`);
  return problems;
}

/** Row `no` and its column strings, each to be read in order within the row. */
export interface RowStreams {
  no: number;
  streams: string[][];
}

/**
 * A column read alongside the rows rather than within one (the indicators'
 * 类别): its characters in order, and for each the first and last row number
 * within (or at the edge of) which it may be read.
 */
export interface SideStream {
  chars: string[];
  rows: [number, number][];
}

/** Where every reading of a body stopped. */
export interface ReadingFailure {
  /** The furthest body offset any reading reached. */
  furthest: number;
  /** The number of the row being read there (`end` past the last row). */
  row: number | 'end';
  /** Twelve characters either side of that offset, `⟨here⟩` between. */
  around: string;
}

interface ReadingState {
  /** Index of the row being read; `rows.length` once every row is read. */
  row: number;
  /** Characters read so far of each column string of that row. */
  pos: number[];
  /** Characters read so far of the side stream. */
  side: number;
}

/**
 * Reads `body` (characters) as `rows` one after the other: the stretch of a
 * row is an interleaving of its columns, each read in order; right after row
 * `no`, and nowhere else, the characters `breakAfter.get(no)` (a page break)
 * are read; the `side` stream is read alongside, each character within its
 * rows. Null when the whole body reads so, else where every reading stopped.
 * A breadth-first dynamic programme over body positions (a handful of live
 * states per position).
 */
export function readRowsInOrder(
  body: readonly string[],
  rows: readonly RowStreams[],
  breakAfter: ReadonlyMap<number, readonly string[]>,
  side: SideStream = { chars: [], rows: [] },
): ReadingFailure | null {
  const key = (s: ReadingState) => `${s.row}|${s.pos.join(',')}|${s.side}`;
  const frontiers: Map<string, ReadingState>[] = Array.from({ length: body.length + 1 }, () => new Map());
  const add = (p: number, s: ReadingState) => {
    if (p <= body.length) frontiers[p]!.set(key(s), s);
  };
  const matchesAt = (p: number, token: readonly string[]) => token.every((ch, i) => body[p + i] === ch);
  add(0, { row: 0, pos: (rows[0]?.streams ?? []).map(() => 0), side: 0 });

  let furthest = 0;
  let furthestRow = 0;
  for (let p = 0; p <= body.length; p++) {
    const frontier = frontiers[p]!;
    if (frontier.size > 0) {
      furthest = p;
      furthestRow = Math.max(...[...frontier.values()].map((s) => s.row));
    }
    // Moving on to the next row reads nothing, unless a page break sits there.
    const queue = [...frontier.values()];
    while (queue.length > 0) {
      const s = queue.pop()!;
      const r = rows[s.row];
      if (r === undefined || !r.streams.every((st, k) => s.pos[k] === st.length)) continue;
      const nextRow = rows[s.row + 1];
      const next: ReadingState = { row: s.row + 1, pos: nextRow ? nextRow.streams.map(() => 0) : [], side: s.side };
      const token = breakAfter.get(r.no);
      if (token !== undefined) {
        if (matchesAt(p, token)) add(p + token.length, next);
      } else if (!frontier.has(key(next))) {
        frontier.set(key(next), next);
        queue.push(next);
      }
    }
    if (p === body.length) break;
    const ch = body[p]!;
    for (const s of frontier.values()) {
      const r = rows[s.row];
      if (r === undefined) continue;
      r.streams.forEach((st, k) => {
        if (st[s.pos[k]!] === ch) {
          const pos = [...s.pos];
          pos[k]! += 1;
          add(p + 1, { row: s.row, pos, side: s.side });
        }
      });
      const span = side.rows[s.side];
      if (side.chars[s.side] === ch && span !== undefined && span[0] <= r.no && r.no <= span[1]) {
        add(p + 1, { row: s.row, pos: s.pos, side: s.side + 1 });
      }
    }
  }
  const done = [...frontiers[body.length]!.values()].some((s) => s.row === rows.length && s.side === side.chars.length);
  if (done) return null;
  const around = `${body.slice(Math.max(0, furthest - 12), furthest).join('')}⟨here⟩${body.slice(furthest, furthest + 12).join('')}`;
  return { furthest, row: rows[furthestRow]?.no ?? 'end', around };
}
