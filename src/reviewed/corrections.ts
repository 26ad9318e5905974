/**
 * `content/corrections.json`: every repair of the raw text other than page
 * numbers, each with its line, the raw and corrected characters and a reason.
 * The converter applies them (src/convert/apply-corrections.ts) and fails when
 * one no longer matches its line exactly once; /about/ lists them.
 */
import { z } from 'zod';

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
