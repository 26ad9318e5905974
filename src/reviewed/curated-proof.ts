/**
 * What the faithfulness proofs of the curated tables (indicators-table.ts,
 * packages-table.ts) share: reading the data against its schema with the
 * problems as the proofs word them, and comparing multisets of characters.
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
