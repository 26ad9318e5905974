/**
 * `content/data/box-mentions.json`: the reviewed short forms by which the text
 * names a 专栏 box's program, and phrases reviewed as not naming one, each
 * with a reason. The converter links the mentions (src/convert/box-mentions.ts).
 */
import { z } from 'zod';

/** One reviewed short form: `phrase` names the program of box `box` in running text. */
export const boxShortFormSchema = z
  .object({
    box: z.number().int().min(1),
    phrase: z.string().min(2),
    reason: z.string().min(10, 'every short form needs a reason a reviewer can check'),
  })
  .strict();

/**
 * A phrase that looks like a box's program but is not a mention of it; kept
 * so that the decision is reviewable and tested (it must never be linked).
 */
export const boxNonMentionSchema = z
  .object({
    box: z.number().int().min(1),
    phrase: z.string().min(2),
    reason: z.string().min(10),
  })
  .strict();

/** `content/data/box-mentions.json`. */
export const boxMentionsDataSchema = z
  .object({
    shortForms: z.array(boxShortFormSchema),
    notMentions: z.array(boxNonMentionSchema),
  })
  .strict();
export type BoxMentionsData = z.infer<typeof boxMentionsDataSchema>;

/** No short forms: only full titles are linked. */
export const NO_BOX_MENTIONS: BoxMentionsData = { shortForms: [], notMentions: [] };
