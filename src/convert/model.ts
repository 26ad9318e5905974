/**
 * The document model of the plan: plan → parts → chapters → sections → blocks.
 *
 * Everything the site, the search filters and the data downloads show is read
 * from this model. It is plain JSON (no classes, no Dates) so that it can be
 * written to `plan.json` and published at `/data/plan.json`; `planSchema`
 * validates it.
 */
import { z } from 'zod';
import { printedPageProblems } from './printed-pages.ts';

/**
 * The place where the footer of printed page `footer` stood in the raw text.
 * The footer is printed at the bottom of its page, so printed page
 * `footer + 1` begins exactly here. It carries no characters of the plan.
 */
export const pageBreakSchema = z
  .object({ footer: z.number().int().min(1) })
  .strict();
export type PageBreak = z.infer<typeof pageBreakSchema>;

/** A piece of running text: plan characters, or a page break between them. */
export const inlineSchema = z.union([z.string().min(1), pageBreakSchema]);
export type Inline = z.infer<typeof inlineSchema>;

/**
 * A paragraph as rebuilt by the converter. `lead` is the short sentence the
 * printed plan sets in bold at the start of a paragraph (null when the
 * paragraph has none); `body` is the rest of the paragraph.
 */
export const paragraphSchema = z
  .object({
    kind: z.literal('paragraph'),
    lead: z.array(inlineSchema).nullable(),
    body: z.array(inlineSchema),
  })
  .strict();

/**
 * A `——` target line of 第一篇第三章 (`lead` starts with `——`) with the
 * sentences that explain it (`body`).
 */
export const targetSchema = z
  .object({
    kind: z.literal('target'),
    lead: z.array(inlineSchema),
    body: z.array(inlineSchema),
  })
  .strict();

/** One item of a 专栏 box: a short lead line and its body. */
export const boxItemSchema = z
  .object({ lead: z.array(inlineSchema), body: z.array(inlineSchema) })
  .strict();

/**
 * A 专栏 box: `label` is `专栏N`, `title` its program name (ends in 计划),
 * `intro` the sentences before its first item.
 */
export const boxSchema = z
  .object({
    kind: z.literal('box'),
    n: z.number().int().min(1),
    /** Set when a page footer stood right before the box: it opens page `footerBefore + 1`. */
    footerBefore: z.number().int().min(1).nullable(),
    label: z.string(),
    title: z.string(),
    intro: z.array(inlineSchema),
    items: z.array(boxItemSchema),
  })
  .strict();

/**
 * A column-interleaved table kept as its raw text (page footers removed);
 * its cells live as curated data under `content/data/`.
 */
export const tableSchema = z
  .object({
    kind: z.literal('table'),
    table: z.enum(['indicators', 'packages']),
    raw: z.array(inlineSchema),
  })
  .strict();

export const blockSchema = z.discriminatedUnion('kind', [
  paragraphSchema,
  targetSchema,
  boxSchema,
  tableSchema,
]);
export type Paragraph = z.infer<typeof paragraphSchema>;
export type Target = z.infer<typeof targetSchema>;
export type BoxItem = z.infer<typeof boxItemSchema>;
export type Box = z.infer<typeof boxSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Block = z.infer<typeof blockSchema>;

/**
 * Fields every heading has. `label` is the numbering as printed (`第五篇`,
 * `第二章`, `一、`), `title` the title from the table of contents, `page` the
 * printed page the table of contents gives. `footerBefore` is set when a page
 * footer stood immediately before the heading, i.e. the heading opens printed
 * page `footerBefore + 1`.
 */
const headingFields = {
  n: z.number().int().min(1),
  label: z.string(),
  title: z.string().min(1),
  page: z.number().int().min(1),
  footerBefore: z.number().int().min(1).nullable(),
};

/** A numbered section (一、二、…) of a chapter; its id on the site is `section-n`. */
export const sectionSchema = z.object({ ...headingFields, blocks: z.array(blockSchema) }).strict();
export type Section = z.infer<typeof sectionSchema>;

/** A 章: `intro` is the text between its heading and its first section. */
export const chapterSchema = z
  .object({ ...headingFields, intro: z.array(blockSchema), sections: z.array(sectionSchema) })
  .strict();
export type Chapter = z.infer<typeof chapterSchema>;

/** A 篇: `intro` is the text between its heading and its first chapter. */
export const partSchema = z
  .object({ ...headingFields, intro: z.array(blockSchema), chapters: z.array(chapterSchema) })
  .strict();
export type Part = z.infer<typeof partSchema>;

/** The 附表 (appendix): `label` `附表`, `title` `“十四五”时期重大工程包`. */
export const appendixSchema = z
  .object({
    label: z.string(),
    title: z.string(),
    page: z.number().int().min(1),
    footerBefore: z.number().int().min(1).nullable(),
    blocks: z.array(blockSchema),
  })
  .strict();
export type Appendix = z.infer<typeof appendixSchema>;

/** The whole plan. */
export const planSchema = z
  .object({
    /** Full title of the plan. */
    title: z.string(),
    /** The approval line under the title. */
    approval: z.string(),
    /** The 序言 (preface). */
    preface: z.object({ title: z.string(), blocks: z.array(blockSchema) }).strict(),
    parts: z.array(partSchema),
    appendix: appendixSchema,
  })
  .strict();
export type Plan = z.infer<typeof planSchema>;

/**
 * A plan.json read back: validated by `planSchema`, and its page breaks
 * checked (footers 1…N in reading order; see printed-pages.ts).
 */
export function parsePlan(json: unknown): Plan {
  const plan = planSchema.parse(json);
  const problems = printedPageProblems(plan);
  if (problems.length > 0) throw new Error(`plan.json: ${problems.join('; ')}`);
  return plan;
}
