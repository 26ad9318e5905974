import { z } from 'zod';

/**
 * Reviewed decisions about the plan's structure that no rule in the text can
 * make (`content/structure-decisions.json`). Each names the sentence it
 * concerns by its source line and its first characters, and gives a reason;
 * the converter fails when one no longer matches the text.
 */
const sentenceRef = {
  /** 1-based source line of the sentence. */
  line: z.number().int().min(1),
  /** The sentence's first characters (page numbers left out). */
  startsWith: z.string().min(2),
  reason: z.string().min(10, 'every decision needs a reason a reviewer can check'),
};

export const structureDecisionsSchema = z
  .object({
    /** The last sentence of a 专栏 box whose end no following heading marks. */
    boxEnds: z.array(z.object({ box: z.number().int().min(1), ...sentenceRef }).strict()),
    /** Sentences whose lead status the lead rule gets wrong. */
    leads: z.array(z.object({ lead: z.boolean(), ...sentenceRef }).strict()),
    /** Sentences that begin a new paragraph without a lead. */
    paragraphStarts: z.array(z.object(sentenceRef).strict()),
    /**
     * Lines that hold two sentences of different paragraphs: the line is cut
     * before the first occurrence of `at`, so that each part is read on its own.
     */
    sentenceSplits: z.array(
      z
        .object({
          line: sentenceRef.line,
          at: z.string().min(2),
          reason: sentenceRef.reason,
        })
        .strict(),
    ),
  })
  .strict();
export type StructureDecisions = z.infer<typeof structureDecisionsSchema>;

/** No decisions: the rules alone. */
export const NO_DECISIONS: StructureDecisions = { boxEnds: [], leads: [], paragraphStarts: [], sentenceSplits: [] };
