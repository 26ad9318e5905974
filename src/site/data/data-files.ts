/**
 * The plan as data: every file published under /data/, the zod schema that
 * validates it (and, on the /data/ page, documents it), and the records of
 * the two files built here, /data/boxes.json and /data/terms.json.
 *
 * URLs inside the files are site URLs with the deployment base
 * (`/plan/part-5/chapter-3/#box-3`), as in /data/packages.json.
 *
 * Pure: the model, the curated data and the term index in, records out.
 */
import { z, type ZodTypeAny } from 'zod';
import type { Inline, Plan } from '../../convert/model';
import {
  appendixSchema,
  blockSchema,
  boxItemSchema,
  boxSchema,
  chapterSchema,
  inlineSchema,
  pageBreakSchema,
  paragraphSchema,
  partSchema,
  planSchema,
  sectionSchema,
  tableSchema,
  targetSchema,
} from '../../convert/model';
import { occurrencePath, type QuotedTerm } from '../terms/quoted-terms';
import { boxPlaces } from '../plan/block-places';
import type { PlanPageSpans } from '../plan/page-spans';
import type { IndicatorsTable } from '../../reviewed/indicators-table';
import type { PackagesTable } from '../../reviewed/packages-table';
import {
  BOXES_JSON_PATH,
  DATA_PATH,
  INDICATORS_CSV_PATH,
  INDICATORS_JSON_PATH,
  PACKAGES_JSON_PATH,
  TERMS_JSON_PATH,
  withBase,
} from '../site-paths';

const siteUrl = z.string().regex(/^\/\S*$/, 'a site URL with the deployment base');

/**
 * The figures of the source the /data/ page states, counted on the model and
 * the curated tables, never written down: another copy of the plan, or a
 * corrected table, changes them.
 */
export interface SourceFigures {
  /** The numbers of the 专栏, in reading order. */
  boxes: readonly number[];
  /** How many packages the 附表 lists. */
  packages: number;
  /** The 序号 of the indicators table's rows, in printed order. */
  indicatorRows: readonly number[];
  /** The 序号 of the rows printed as two sub-rows under one label. */
  splitIndicatorRows: readonly number[];
}

/** The figures of `plan` and its two curated tables. */
export function sourceFigures(plan: Plan, indicators: IndicatorsTable, packages: PackagesTable): SourceFigures {
  const rows = indicators.categories.flatMap((c) => c.rows);
  return {
    boxes: boxPlaces(plan).map((place) => place.block.n),
    packages: packages.packages.length,
    indicatorRows: rows.map((row) => row.no),
    splitIndicatorRows: rows.filter((row) => row.measures.length > 1).map((row) => row.no),
  };
}

/** `第9、25项` */
const rowsNamed = (rows: readonly number[]) => `第${rows.join('、')}项`;
/** `1–25`, `1—10`: the first and last of `numbers`, joined by `dash`. */
const range = (numbers: readonly number[], dash: string) => `${numbers[0]}${dash}${numbers.at(-1)}`;

/** A row or sub-row of the main-indicators table (/data/indicators.json, and the columns of the CSV). */
export function indicatorRecordSchema(figures: SourceFigures) {
  const split = rowsNamed(figures.splitIndicatorRows);
  return z
    .object({
      category: z.string().min(1).describe('类别（经济发展、创新驱动……）'),
      no: z
        .number()
        .int()
        .min(figures.indicatorRows[0]!)
        .max(figures.indicatorRows.at(-1)!)
        .describe(`序号 ${range(figures.indicatorRows, '–')}；${split}各有两个子行，序号相同`),
      group: z.string().min(1).nullable().describe(`${split}两个子行共用的标签（“绿化”“食品药品安全”），其余为 null`),
      name: z.string().min(1).describe('指标名称，不含单位'),
      unit: z.string().describe('单位，不含括号：“%”“万元/人”'),
      target: z.string().min(1).describe('2025年目标，字符照录：“>23”“【830左右】”“达到国家要求”'),
      attribute: z.enum(['预期性', '约束性']).describe('属性'),
    })
    .strict();
}

/** A package of the 附表 (/data/packages.json). */
export const packageRecordSchema = z
  .object({
    no: z.number().int().min(1).describe('工程包序号'),
    name: z.string().min(1).describe('名称，照录（含序号）：“1.全国政治中心建设重大工程包”'),
    goal: z.string().min(1).describe('建设目标'),
    content: z.string().min(1).describe('主要内容，照录'),
    count: z.number().int().min(1).describe('“等N项工程”中的 N'),
    items: z
      .array(
        z
          .object({
            text: z.string().min(1).describe('项目名称，照录'),
            links: z.array(siteUrl).describe('正文论及该项目之处（篇、章引言或节）的网址；正文未提及则为空'),
          })
          .strict(),
      )
      .describe('主要内容列出的各项工程，共 count 项'),
  })
  .strict();

/** The printed pages a stretch spans. */
export const pageSpanSchema = z
  .object({
    first: z.number().int().min(1).describe('起始印刷页：标题所在页'),
    last: z.number().int().min(1).describe('结束印刷页：最后一个字所在页'),
  })
  .strict();

/** A 专栏 box (/data/boxes.json). */
export const boxRecordSchema = z
  .object({
    n: z.number().int().min(1).describe('专栏号'),
    label: z.string().regex(/^专栏\d+$/).describe('“专栏N”，照录'),
    title: z.string().min(1).describe('计划名称，照录'),
    part: z.number().int().min(1).describe('所在篇号'),
    chapter: z.number().int().min(1).describe('所在章号（篇内）'),
    section: z.number().int().min(1).nullable().describe('所在节号；在章引言中则为 null'),
    url: siteUrl.describe('专栏在章页面上的网址（#box-N）'),
    intro: z.string().describe('导语（页码分隔已去掉）'),
    items: z
      .array(z.object({ lead: z.string().min(1).describe('加粗短句'), body: z.string().describe('其后文字') }).strict())
      .describe('各项'),
    pages: pageSpanSchema,
  })
  .strict();

/** One occurrence of a term in /data/terms.json. */
export const termOccurrenceRecordSchema = z
  .object({
    part: z.number().int().min(1).nullable().describe('篇号；在序言中为 null'),
    chapter: z.number().int().min(1).nullable().describe('章号；在篇引言或序言中为 null'),
    section: z.number().int().min(1).nullable().describe('节号；在章引言中为 null'),
    box: z.number().int().min(1).nullable().describe('所在专栏号，不在专栏中为 null'),
    heading: z.boolean().describe('是否在标题（篇、章、节、专栏标题）中'),
    url: siteUrl.describe('出现之处的网址：页面、锚点，以及文本片段 #:~:text=…（支持的浏览器会滚动到该处并高亮）'),
  })
  .strict();

/** A term of the index (/data/terms.json). */
export const termRecordSchema = z
  .object({
    id: z.string().regex(/^term-[0-9a-f]{12}$/).describe('稳定标识：term- 加词语（含引号）UTF-8 的 SHA-256 前12位十六进制；/terms/ 页上的锚点'),
    term: z.string().regex(/^(“[^“”]+”)+$/).describe('词语，含引号，照录；相邻的引语连写为一条（“七有”“五性”）'),
    initial: z.string().regex(/^[A-Z#]$/).describe('拼音首字母（整词注音，多音字按词读），数字开头为 #'),
    pinyin: z.string().describe('不带声调的拼音，排序用'),
    count: z.number().int().min(1).describe('出现次数'),
    occurrences: z.array(termOccurrenceRecordSchema).min(1).describe('各次出现，按阅读顺序'),
  })
  .strict();

/** A 专栏 as published. */
export type BoxRecord = z.infer<typeof boxRecordSchema>;
/** A term as published. */
export type TermRecord = z.infer<typeof termRecordSchema>;

const text = (run: readonly Inline[]) => run.filter((p): p is string => typeof p === 'string').join('');

/** The boxes of the plan, in order, with their places and pages. */
export function boxRecords(plan: Plan, spans: PlanPageSpans, base: string): BoxRecord[] {
  return boxPlaces(plan).map(({ block, part, chapter, section, href }) => ({
    n: block.n,
    label: block.label,
    title: block.title,
    part: part.n,
    chapter: chapter.n,
    section: section?.n ?? null,
    url: withBase(href, base),
    intro: text(block.intro),
    items: block.items.map((item) => ({ lead: text(item.lead), body: text(item.body) })),
    pages: spans.boxes.get(block.n)!,
  }));
}

/** The term index as published. */
export function termRecords(terms: readonly QuotedTerm[], base: string): TermRecord[] {
  return terms.map((t) => ({
    id: t.id,
    term: t.term,
    initial: t.initial,
    pinyin: t.pinyin,
    count: t.count,
    occurrences: t.occurrences.map((o) => ({
      part: o.part,
      chapter: o.chapter,
      section: o.section,
      box: o.box,
      heading: o.heading,
      url: withBase(occurrencePath(t.term, o), base),
    })),
  }));
}

/** One file of /data/. */
export interface DataFile {
  /** Its site path (`/data/boxes.json`). */
  path: string;
  /** Id of its entry on /data/. */
  id: string;
  format: 'JSON' | 'CSV';
  /** What it holds, for the /data/ page. */
  title: string;
  /** For readers: what the file is, in plain words, and what it is good for (no field names). */
  forReaders: string;
  /** For developers: how the file is built, above its schema. */
  description: string;
  /** The schema it validates against (for the CSV: each row, with `group` empty for null). */
  schema: ZodTypeAny;
  /** Names of the schema's types. */
  names: ReadonlyMap<ZodTypeAny, string>;
  /** Notes of fields whose schema has no description, by `Type.field`. */
  notes: Readonly<Record<string, string>>;
}

/** Notes on the fields of the document model (model.ts documents them in comments, not in the schema). */
const PLAN_NOTES: Record<string, string> = {
  'Plan.title': '规划全称',
  'Plan.approval': '标题下的批准说明，照录',
  'Plan.preface': '序言（在第1页之前，无页码分隔）',
  'Plan.parts': '各篇，按原文顺序',
  'Plan.appendix': '附表',
  'Plan.preface.title': '“序言”',
  'Plan.preface.blocks': '序言的文字',
  'Appendix.label': '“附表”',
  'Appendix.title': '附表标题',
  'Appendix.page': '目录所载页码',
  'Appendix.footerBefore': '标题前的页脚号 F（标题起于第 F+1 页），无则为 null',
  'Appendix.blocks': '附表的原始文字（分栏交错；整理后的单元格见 packages.json）',
  'Paragraph.kind': '段落',
  'Paragraph.lead': '段首加粗的短句（印刷版加粗，提取时丢失，由规则恢复）；无则为 null',
  'Paragraph.body': '段落其余文字',
  'Target.kind': '第一篇第三章的目标句',
  'Target.lead': '以“——”开头的目标',
  'Target.body': '其后的说明',
  'Box.kind': '专栏',
  'Box.n': '专栏号 N',
  'Box.footerBefore': '专栏前的页脚号 F（专栏起于第 F+1 页），无则为 null',
  'Box.label': '“专栏N”',
  'Box.title': '计划名称',
  'Box.intro': '导语',
  'Box.items': '各项',
  'BoxItem.lead': '加粗短句',
  'BoxItem.body': '其后文字',
  'Table.kind': '分栏交错、由整理数据呈现的表格',
  'Table.table': '哪一张表',
  'Table.raw': '表格的原始文字（单元格见 indicators.json、packages.json）',
  'PageBreak.footer': '印刷版第 footer 页的页脚曾在此处：第 footer+1 页从这里开始',
};
for (const [type, what] of [['Part', '篇'], ['Chapter', '章'], ['Section', '节']] as const) {
  PLAN_NOTES[`${type}.n`] = `${what}号（在上一级之内），用于网址`;
  PLAN_NOTES[`${type}.label`] = `编号，照录（${{ Part: '“第五篇”', Chapter: '“第二章”', Section: '“一、”' }[type]}）`;
  PLAN_NOTES[`${type}.title`] = '标题，照录';
  PLAN_NOTES[`${type}.page`] = '目录所载页码（即标题所在印刷页）';
  PLAN_NOTES[`${type}.footerBefore`] = '标题前的页脚号 F（标题起于第 F+1 页），无则为 null';
}
PLAN_NOTES['Part.intro'] = '篇标题与第一章之间的文字';
PLAN_NOTES['Part.chapters'] = '各章';
PLAN_NOTES['Chapter.intro'] = '章标题与第一节之间的文字';
PLAN_NOTES['Chapter.sections'] = '各节（一、二、……）';
PLAN_NOTES['Section.blocks'] = '节的文字';

const PLAN_NAMES = new Map<ZodTypeAny, string>([
  [planSchema, 'Plan'],
  [partSchema, 'Part'],
  [chapterSchema, 'Chapter'],
  [sectionSchema, 'Section'],
  [appendixSchema, 'Appendix'],
  [blockSchema, 'Block'],
  [paragraphSchema, 'Paragraph'],
  [targetSchema, 'Target'],
  [boxSchema, 'Box'],
  [boxItemSchema, 'BoxItem'],
  [tableSchema, 'Table'],
  [inlineSchema, 'Inline'],
  [pageBreakSchema, 'PageBreak'],
]);

/** Every file under /data/, in the order the /data/ page lists them, described with the source's `figures`. */
export function dataFiles(figures: SourceFigures): DataFile[] {
  const indicatorRecord = indicatorRecordSchema(figures);
  const split = rowsNamed(figures.splitIndicatorRows);
  return [
    {
      path: DATA_PATH,
      id: 'plan-json',
      format: 'JSON',
      title: '规划全文（文档模型）',
      forReaders:
        '整部规划的全文，按篇、章、节分好，每一段、每个专栏、每张表都单独列出，并记下印刷版每一页从哪里开始。适合想用程序检索、统计或重新排版全文的人；文字与印刷版一字不差。',
      description:
        '规划全文的结构：序言、篇、章、节、文字块（段落、目标句、专栏、表格）和附表。按阅读顺序连接各文字块的字符并写回页码，即为原文（去掉目录），一字不差。印刷页的分界以 {"footer": P} 标在原处。',
      schema: planSchema,
      names: PLAN_NAMES,
      notes: PLAN_NOTES,
    },
    {
      path: BOXES_JSON_PATH,
      id: 'boxes-json',
      format: 'JSON',
      title: '专栏',
      forReaders:
        `规划中的${figures.boxes.length}个专栏，每个专栏的标题、所在的篇章、导语和各项内容，以及它在印刷版第几页。适合整理或比较各专栏的人。`,
      description: `全部专栏（专栏${range(figures.boxes, '—')}）：所在篇、章、节，网址，导语和各项，所跨印刷页。`,
      schema: z.array(boxRecordSchema),
      names: new Map<ZodTypeAny, string>([[boxRecordSchema, 'BoxRecord'], [pageSpanSchema, 'PageSpan']]),
      notes: { 'BoxRecord.pages': '所跨印刷页' },
    },
    {
      path: INDICATORS_JSON_PATH,
      id: 'indicators-json',
      format: 'JSON',
      title: '主要指标',
      forReaders:
        '“十四五”时期经济社会发展主要指标表，一行一个指标：类别、序号、名称、单位、2025年目标和属性（预期性或约束性）。适合用程序读取的人；想用电子表格看，请下载下面的 CSV 文件。',
      description: `“十四五”时期经济社会发展主要指标，每行（${split}每个子行）一个对象，字符照录。`,
      schema: z.array(indicatorRecord),
      names: new Map<ZodTypeAny, string>([[indicatorRecord, 'IndicatorRecord']]),
      notes: {},
    },
    {
      path: INDICATORS_CSV_PATH,
      id: 'indicators-csv',
      format: 'CSV',
      title: '主要指标（CSV）',
      forReaders:
        '同一张主要指标表，可以直接用 Excel、WPS 或 Numbers 等电子表格软件打开，中文不会乱码。适合想排序、筛选或画图的读者。',
      description:
        '与 indicators.json 相同的记录和列（首行为字段名）；UTF-8 带字节顺序标记，电子表格可直接打开；RFC 4180 引号规则，CRLF 换行；group 为 null 时留空。',
      schema: indicatorRecord,
      names: new Map<ZodTypeAny, string>([[indicatorRecord, 'IndicatorRecord']]),
      notes: {},
    },
    {
      path: PACKAGES_JSON_PATH,
      id: 'packages-json',
      format: 'JSON',
      title: '重大工程包',
      forReaders:
        `附表中的${figures.packages}个重大工程包：每个工程包的名称、建设目标、主要内容，列出的每个项目，以及正文中论及该项目的篇、章、节和网址。适合追踪某个项目在规划中出现在哪里的人。`,
      description: `附表“十四五”时期重大工程包：${figures.packages}个工程包的名称、建设目标、主要内容，每个项目及正文论及之处。`,
      schema: z.array(packageRecordSchema),
      names: new Map<ZodTypeAny, string>([[packageRecordSchema, 'PackageRecord']]),
      notes: {},
    },
    {
      path: TERMS_JSON_PATH,
      id: 'terms-json',
      format: 'JSON',
      title: '词语索引',
      forReaders:
        '词语索引的数据：正文中加引号的词语（如“两区”“七有”），每个词出现了几次、分别在哪一篇哪一章。适合研究规划用语的人。',
      description:
        '正文中引号内的全部词语（词语索引页的数据）：每条的出现次数和每次出现之处。只出现一次且含句内标点（，。；：！？）的引语是句子而非名称，不收。',
      schema: z.array(termRecordSchema),
      names: new Map<ZodTypeAny, string>([
        [termRecordSchema, 'TermRecord'],
        [termOccurrenceRecordSchema, 'TermOccurrence'],
      ]),
      notes: {},
    },
  ];
}
