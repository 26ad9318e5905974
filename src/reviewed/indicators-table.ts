/**
 * The table “十四五”时期经济社会发展主要指标 (25 main indicators) as curated data,
 * and the proofs that the curated cells are a faithful de-interleaving of the
 * raw line the PDF extraction produced.
 *
 * The extraction read the printed table line by line across all columns, so a
 * cell that wraps over several printed lines is cut into fragments, and the
 * fragments of neighbouring columns alternate (`…占地区生产总值创16左右预期性比重（%）新2…`).
 * It also kept the footer of printed page 13 and the header row printed again
 * on page 14 (`…5左右预期性13类序指标目标属性别号4全员…`).
 *
 * Pure: no I/O. The curated file is `content/data/indicators.json`.
 */
import { z } from 'zod';
import { characterMultiset, compareMultisets, parseCurated, readRowsInOrder, type RowStreams } from './curated-proof';

/** The caption printed above the table; the raw line of the table starts with it. */
export const INDICATORS_CAPTION = '“十四五”时期经济社会发展主要指标';

/**
 * One measured quantity: the 指标 cell (`name` then `unitAsPrinted`, exactly as
 * printed, e.g. `比重` + `（%）`) and its 2025 target (目标), exactly as
 * printed (`6左右`, `>23`, `＞5`, `≤2300`, `【830左右】`, `达到国家要求`).
 */
export const indicatorMeasureSchema = z
  .object({
    /** The indicator name without its unit. */
    name: z.string().min(1),
    /** The unit with the full-width parentheses it was printed in, e.g. `（%）`. */
    unitAsPrinted: z.string().regex(/^（[^（）]+）$/u, 'a unit is printed as （…）'),
    /** The 目标 cell. */
    target: z.string().min(1),
  })
  .strict();
export type IndicatorMeasure = z.infer<typeof indicatorMeasureSchema>;

/**
 * One numbered row (序号 `no`). Most rows have one measure. Rows 9 and 25 have
 * two sub-rows under one number, one 属性 cell and a shared `label` cell
 * (`绿化`, `食品药品安全`) printed left of the sub-row names; `label` is null
 * exactly when the row has a single measure.
 */
export const indicatorRowSchema = z
  .object({
    no: z.number().int().min(1),
    label: z.string().min(1).nullable(),
    measures: z.array(indicatorMeasureSchema).min(1),
    /** The 属性 cell. */
    attribute: z.enum(['预期性', '约束性']),
  })
  .strict()
  .refine((row) => (row.label === null) === (row.measures.length === 1), {
    message: 'a row has a label exactly when it has several measures',
  });
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

/** A 类别 cell (e.g. `创新发展`) and the rows it spans, in printed order. */
export const indicatorCategorySchema = z
  .object({
    category: z.string().min(1),
    rows: z.array(indicatorRowSchema).min(1),
  })
  .strict();
export type IndicatorCategory = z.infer<typeof indicatorCategorySchema>;

/**
 * A printed page break inside the table: the footer `footer` stood right after
 * row `afterNo` (so printed page `footer + 1` begins with row `afterNo + 1`),
 * and when `repeatsHeader` the header row was printed again after it. Neither
 * is a cell of the table.
 */
export const indicatorPageBreakSchema = z
  .object({
    footer: z.number().int().min(1),
    afterNo: z.number().int().min(1),
    repeatsHeader: z.boolean(),
  })
  .strict();
export type IndicatorPageBreak = z.infer<typeof indicatorPageBreakSchema>;

/**
 * The curated table. Its characters ("the characters of the table") are those
 * of every string field — caption, headers, note, each category, label, name,
 * unitAsPrinted, target and attribute — plus the decimal digits of each row's
 * `no`. Rows are numbered 1, 2, 3, … in printed order.
 */
export const indicatorsTableSchema = z
  .object({
    caption: z.string().min(1),
    /** Column headers in printed order: 类别, 序号, 指标, 目标, 属性. */
    headers: z.array(z.string().min(1)).length(5),
    /** The note printed under the table. */
    note: z.string().min(1),
    pageBreaks: z.array(indicatorPageBreakSchema),
    categories: z.array(indicatorCategorySchema).min(1),
  })
  .strict()
  .superRefine((table, ctx) => {
    const nos = table.categories.flatMap((c) => c.rows.map((r) => r.no));
    nos.forEach((no, i) => {
      if (no !== i + 1) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `row ${i + 1} is numbered ${no}` });
    });
    const seen = new Set<number>();
    for (const pb of table.pageBreaks) {
      if (!nos.includes(pb.afterNo)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `page break ${pb.footer} after unknown row ${pb.afterNo}` });
      }
      if (seen.has(pb.afterNo)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `two page breaks after row ${pb.afterNo}` });
      }
      seen.add(pb.afterNo);
    }
  });
export type IndicatorsTable = z.infer<typeof indicatorsTableSchema>;

/** One line of the table as a reader sees it: a row, or one sub-row of rows 9 and 25. */
export interface IndicatorLine {
  category: string;
  no: number;
  /** The shared label of a row with sub-rows (`绿化`), otherwise null. */
  group: string | null;
  name: string;
  /** The unit without its parentheses, e.g. `%`, `万元/人`. */
  unit: string;
  target: string;
  attribute: '预期性' | '约束性';
}

/** The table as one object per row or sub-row, in printed order (27 for the plan). */
export function flattenIndicators(data: IndicatorsTable): IndicatorLine[] {
  return data.categories.flatMap((c) =>
    c.rows.flatMap((row) =>
      row.measures.map((m) => ({
        category: c.category,
        no: row.no,
        group: row.label,
        name: m.name,
        unit: m.unitAsPrinted.slice(1, -1),
        target: m.target,
        attribute: row.attribute,
      })),
    ),
  );
}

/**
 * Every cell of the table as printed, in reading order: caption, headers, then
 * per category its name and per row 序号, label, each 指标 (name + unit),
 * each target and the 属性, then the note.
 */
export function indicatorsCells(data: IndicatorsTable): string[] {
  const cells = [data.caption, ...data.headers];
  for (const c of data.categories) {
    cells.push(c.category);
    for (const row of c.rows) {
      cells.push(String(row.no));
      if (row.label !== null) cells.push(row.label);
      for (const m of row.measures) cells.push(m.name + m.unitAsPrinted, m.target);
      cells.push(row.attribute);
    }
  }
  cells.push(data.note);
  return cells;
}

/** The multiset of characters of the curated table (see `indicatorsTableSchema`). */
export function indicatorsCharacters(data: IndicatorsTable): Map<string, number> {
  return characterMultiset(indicatorsCells(data));
}

/** The raw line of the table: the line of the plan text that starts with the caption. */
export function findIndicatorsRaw(source: string): string | null {
  const lines = source.split('\n').filter((line) => line.startsWith(INDICATORS_CAPTION));
  return lines.length === 1 ? lines[0]! : null;
}

/**
 * Proof 1 (characters): the multiset of characters of the curated table, plus
 * for every page break its footer digits and (when `repeatsHeader`) the
 * characters of the headers again, equals the multiset of characters of the
 * raw line. Returns the problems (empty when they are equal).
 *
 * This cannot see cells moved between rows; `checkIndicatorsLayout` can.
 */
export function checkIndicatorsCharacters(raw: string, data: unknown): string[] {
  const { table, problems } = parseCurated(indicatorsTableSchema, data);
  if (table === null) return problems;
  const accounted = [...indicatorsCells(table)];
  for (const pb of table.pageBreaks) {
    accounted.push(String(pb.footer));
    if (pb.repeatsHeader) accounted.push(...table.headers);
  }
  return compareMultisets(characterMultiset([raw]), characterMultiset(accounted), 'characters');
}

/** Whether `text` is an interleaving of all of `parts`, each read in order. */
function isShuffle(text: string, parts: readonly string[]): boolean {
  const chars = Array.from(text);
  const streams = parts.map((p) => Array.from(p));
  if (streams.reduce((n, s) => n + s.length, 0) !== chars.length) return false;
  let frontier = new Map<string, number[]>([[streams.map(() => 0).join(','), streams.map(() => 0)]]);
  for (const ch of chars) {
    const next = new Map<string, number[]>();
    for (const pos of frontier.values()) {
      streams.forEach((s, k) => {
        if (s[pos[k]!] === ch) {
          const np = [...pos];
          np[k]! += 1;
          next.set(np.join(','), np);
        }
      });
    }
    frontier = next;
  }
  return frontier.size > 0;
}

/**
 * Proof 2 (layout): the raw line must be, in order, the caption, the header
 * row (an interleaving of the headers), the body, and the note; and the body
 * must be readable as rows 1, 2, …, 25 one after the other, where
 *
 * - the region of a row is an interleaving of that row's columns, each read
 *   in order: 序号; label; the 指标 of its measures (name + unit, first
 *   sub-row then second); their targets (first then second); 属性;
 * - the 类别 column (all categories concatenated) is read alongside, and a
 *   character of category C may only be read within (or at the edge of) the
 *   rows C spans;
 * - at each page break, right after row `afterNo` and nowhere else, the footer
 *   digits followed by the header row as printed at the top are read.
 *
 * So every cell lies in its own row's stretch of the raw, its characters in
 * printed order: swapping two different targets, units or attributes between
 * rows, or two sub-rows within a row, is caught. Solved by a breadth-first
 * dynamic programme over raw positions (a handful of live states per position).
 */
export function checkIndicatorsLayout(raw: string, data: unknown): string[] {
  const { table, problems } = parseCurated(indicatorsTableSchema, data);
  if (table === null) return problems;
  if (!raw.startsWith(table.caption)) return ['layout: the raw does not start with the caption'];
  if (!raw.endsWith(table.note)) return ['layout: the raw does not end with the note'];
  const headerLength = Array.from(table.headers.join('')).length;
  const afterCaption = Array.from(raw.slice(table.caption.length));
  const headerText = afterCaption.slice(0, headerLength).join('');
  if (!isShuffle(headerText, table.headers)) {
    return [`layout: “${headerText}” after the caption is not an interleaving of the headers`];
  }
  const body = afterCaption.slice(headerLength, afterCaption.length - Array.from(table.note).length);

  const rows: RowStreams[] = table.categories.flatMap((c) =>
    c.rows.map((row) => ({
      no: row.no,
      streams: [
        String(row.no),
        row.label ?? '',
        row.measures.map((m) => m.name + m.unitAsPrinted).join(''),
        row.measures.map((m) => m.target).join(''),
        row.attribute,
      ].map((s) => Array.from(s)),
    })),
  );
  const catChars: string[] = [];
  const catSpan: [number, number][] = [];
  for (const c of table.categories) {
    for (const ch of c.category) {
      catChars.push(ch);
      catSpan.push([c.rows[0]!.no, c.rows[c.rows.length - 1]!.no]);
    }
  }
  const breakAfter = new Map<number, string[]>();
  for (const pb of table.pageBreaks) {
    breakAfter.set(pb.afterNo, Array.from(String(pb.footer) + (pb.repeatsHeader ? headerText : '')));
  }
  const failure = readRowsInOrder(body, rows, breakAfter, { chars: catChars, rows: catSpan });
  if (failure === null) return [];
  return [
    `layout: the table body cannot be read as rows in order with each cell in its own row; ` +
      `no reading gets past body offset ${failure.furthest} (${failure.around}), reached while reading row ${failure.row}`,
  ];
}

/**
 * All problems that make the curated table unfaithful to the raw line: the
 * character proof and the layout proof (empty when faithful).
 */
export function checkIndicatorsFaithful(raw: string, data: unknown): string[] {
  return [...checkIndicatorsCharacters(raw, data), ...checkIndicatorsLayout(raw, data)];
}
