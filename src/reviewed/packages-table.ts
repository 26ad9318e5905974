/**
 * The appendix table 附表“十四五”时期重大工程包 (10 major engineering
 * packages, 100 projects) as curated data, and the proof that the curated
 * cells are a faithful de-interleaving of the raw text.
 *
 * The extraction read the three columns (名称, 建设目标, 主要内容) line by line,
 * so each row's cells come out cut into fragments that alternate irregularly,
 * with the extraction's own line breaks and the footers of printed pages 216,
 * 217 and 218 in between.
 *
 * Pure: no I/O. The curated file is `content/data/packages.json`.
 */
import { z } from 'zod';
import { characterMultiset, compareMultisets, parseCurated, readRowsInOrder } from './curated-proof';

/** The heading of the appendix; the raw of the table is everything after its last occurrence. */
export const APPENDIX_HEADING = '附表“十四五”时期重大工程包';

/** How the 主要内容 cell of every package begins. */
export const CONTENT_LEADS = ['推动实施', '推进实施'] as const;

/**
 * One row of the table. `name`, `goal` (建设目标) and `content` (主要内容) are
 * the three cells, exactly as printed. `count` is the N of the closing
 * `等N项工程。`, and `items` the projects the content lists, so that
 *
 *     content = lead + items.join('、') + '等' + count + '项工程。'
 *
 * with lead one of `CONTENT_LEADS`, and items.length = count. An item that
 * itself contains `、` needs `itemsNote` saying why it is one project.
 */
export const engineeringPackageSchema = z
  .object({
    no: z.number().int().min(1),
    /** The 名称 cell; it starts with `no` and a full stop, e.g. `1.全国政治中心建设重大工程包`. */
    name: z.string().min(1),
    goal: z.string().min(1),
    content: z.string().min(1),
    count: z.number().int().min(1),
    items: z.array(z.string().min(1)).min(1),
    itemsNote: z.string().min(1).optional(),
  })
  .strict();
export type EngineeringPackage = z.infer<typeof engineeringPackageSchema>;

/**
 * A printed page footer inside the table: it stood right after row `afterNo`
 * (so printed page `footer + 1` begins with row `afterNo + 1`). It is not a
 * cell of the table.
 */
export const packagesPageBreakSchema = z
  .object({ footer: z.number().int().min(1), afterNo: z.number().int().min(1) })
  .strict();
export type PackagesPageBreak = z.infer<typeof packagesPageBreakSchema>;

/**
 * The curated appendix table. Its characters are those of `headers` and of
 * every package's `name`, `goal` and `content`; `items` repeat the content's
 * characters and are checked against it. Packages are numbered 1, 2, 3, … in
 * printed order.
 */
export const packagesTableSchema = z
  .object({
    /** Column headers in printed order: 名称, 建设目标, 主要内容. */
    headers: z.array(z.string().min(1)).length(3),
    pageBreaks: z.array(packagesPageBreakSchema),
    packages: z.array(engineeringPackageSchema).min(1),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.packages.forEach((p, i) => {
      if (p.no !== i + 1) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `package ${i + 1} is numbered ${p.no}` });
    });
    const seen = new Set<number>();
    for (const pb of table.pageBreaks) {
      if (!table.packages.some((p) => p.no === pb.afterNo)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `page break ${pb.footer} after unknown package ${pb.afterNo}` });
      }
      if (seen.has(pb.afterNo)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `two page breaks after package ${pb.afterNo}` });
      }
      seen.add(pb.afterNo);
    }
  });
export type PackagesTable = z.infer<typeof packagesTableSchema>;

/** The raw of the table: the plan text after the last occurrence of the appendix heading. */
export function findPackagesRaw(source: string): string | null {
  const at = source.lastIndexOf(APPENDIX_HEADING);
  return at < 0 ? null : source.slice(at + APPENDIX_HEADING.length);
}

/** Every cell of the table as printed, in reading order: headers, then name, goal, content per package. */
export function packagesCells(data: PackagesTable): string[] {
  return [...data.headers, ...data.packages.flatMap((p) => [p.name, p.goal, p.content])];
}

/** The content a package's items and count spell out with the given lead. */
export function composeContent(lead: string, items: readonly string[], count: number): string {
  return `${lead}${items.join('、')}等${count}项工程。`;
}

/**
 * Problems with the items of one package: the name must start with `no.`,
 * items.length must equal count, and the content must be exactly
 * lead + items joined with `、` + `等N项工程。` (see `engineeringPackageSchema`).
 */
export function checkPackageItems(p: EngineeringPackage): string[] {
  const problems: string[] = [];
  const at = `package ${p.no}`;
  if (!p.name.startsWith(`${p.no}.`)) problems.push(`${at}: name “${p.name}” does not start with “${p.no}.”`);
  if (p.items.length !== p.count) problems.push(`${at}: ${p.items.length} items but the content declares ${p.count}`);
  const lead = CONTENT_LEADS.find((l) => p.content.startsWith(l));
  if (lead === undefined) problems.push(`${at}: content does not start with ${CONTENT_LEADS.join(' or ')}`);
  else if (composeContent(lead, p.items, p.count) !== p.content) {
    problems.push(`${at}: lead + items joined with 、 + 等${p.count}项工程。 does not reproduce the content`);
  }
  if (p.itemsNote === undefined) {
    for (const item of p.items) {
      if (item.includes('、')) problems.push(`${at}: item “${item}” contains 、 but no itemsNote says why it is one project`);
    }
  }
  return problems;
}

/**
 * Proof (a), the interleaving. The raw is prepared exactly so: every `\n` is
 * removed (line breaks are the extraction's, not the plan's); the result must
 * start with the headers concatenated (`名称建设目标主要内容`), which is removed.
 * The rest must be readable as packages 1, 2, …, 10 one after the other,
 * where the stretch of one package is an interleaving of its name, goal and
 * content, each read in order, and right after package `afterNo` of each page
 * break — there and nowhere else — the footer digits are read (`216` after
 * package 4, `217` after 6, `218` after 10).
 *
 * Read by `readRowsInOrder` (curated-proof.ts), as the indicators' layout is.
 */
export function checkPackagesInterleaving(raw: string, table: PackagesTable): string[] {
  const text = raw.replaceAll('\n', '');
  const header = table.headers.join('');
  if (!text.startsWith(header)) return [`interleaving: the raw does not start with the header row “${header}”`];
  const body = Array.from(text.slice(header.length));
  const rows = table.packages.map((p) => ({ no: p.no, streams: [p.name, p.goal, p.content].map((s) => Array.from(s)) }));
  const breakAfter = new Map(table.pageBreaks.map((pb) => [pb.afterNo, Array.from(String(pb.footer))]));

  const failure = readRowsInOrder(body, rows, breakAfter);
  if (failure === null) return [];
  const problems = [
    `interleaving: the raw cannot be read as packages in order, each an interleaving of its name, goal and content; ` +
      `no reading gets past offset ${failure.furthest} after the header (${failure.around}), reached while reading package ${failure.row}`,
  ];
  // Say which characters differ, when they do: it usually names the typo.
  const footers = table.pageBreaks.map((pb) => String(pb.footer));
  return [
    ...problems,
    ...compareMultisets(characterMultiset([body.join('')]), characterMultiset([...packagesCells(table).slice(table.headers.length), ...footers]), 'interleaving'),
  ];
}

/**
 * All problems that make the curated appendix table unfaithful to its raw
 * text (everything after the appendix heading): schema problems, proof (a)
 * `checkPackagesInterleaving` and proof (b) `checkPackageItems` for every
 * package. Empty when faithful.
 */
export function checkPackagesFaithful(raw: string, data: unknown): string[] {
  const { table, problems } = parseCurated(packagesTableSchema, data);
  if (table === null) return problems;
  return [...checkPackagesInterleaving(raw, table), ...table.packages.flatMap(checkPackageItems)];
}
