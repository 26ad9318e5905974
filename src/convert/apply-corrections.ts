import { z } from 'zod';
import { SourceError } from './errors.ts';

/** One reviewed repair of the raw text, from `content/corrections.json`. */
export const correctionSchema = z
  .object({
    /** 1-based line of the source file. */
    line: z.number().int().min(1),
    /** The raw characters as extracted; must occur exactly once on that line. */
    raw: z.string().min(1),
    /** What the printed plan has instead. */
    corrected: z.string(),
    /** Why: which extraction fault this undoes. */
    reason: z.string().min(10, 'every correction needs a reason a reviewer can check'),
  })
  .strict()
  .refine((c) => !c.raw.includes('\n') && !c.corrected.includes('\n'), 'a correction stays within its line');
export type Correction = z.infer<typeof correctionSchema>;
export const correctionsSchema = z.array(correctionSchema);

/**
 * Applies the reviewed corrections to the source text, line by line. A
 * correction whose raw text is not on its line exactly once is an error: the
 * source changed and the correction must be reviewed again, not silently
 * dropped or applied somewhere else.
 */
export function applyCorrections(text: string, corrections: Correction[]): string {
  const lines = text.split('\n');
  for (const c of corrections) {
    const line = lines[c.line - 1];
    const count = line === undefined ? 0 : line.split(c.raw).length - 1;
    if (count !== 1) {
      throw new SourceError(
        c.line,
        `correction no longer matches: expected “${c.raw}” exactly once on this line, found it ${count} times (review content/corrections.json)`,
      );
    }
    lines[c.line - 1] = line!.replace(c.raw, () => c.corrected);
  }
  return lines.join('\n');
}
