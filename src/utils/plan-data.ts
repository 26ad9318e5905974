/**
 * The data downloads besides plan.json: the indicators as JSON and CSV, and
 * the packages with their items and links. Pure: curated data in, text out.
 */
import { flattenIndicators, type IndicatorsTable } from '../convert/indicators';
import type { PackagesTable } from '../convert/packages';
import type { LinkedPackage } from './package-links';
import { withBase } from './site-paths';

/**
 * One published line of the indicators table: a row, or one sub-row of rows
 * 9 and 25. `group` is the label those two rows print left of their sub-rows
 * (`绿化`, `食品药品安全`) and null elsewhere: without it the data would lose
 * two cells of the table.
 */
export interface IndicatorRecord {
  category: string;
  no: number;
  group: string | null;
  name: string;
  /** Without the parentheses it is printed in: `%`, `万元/人`. */
  unit: string;
  target: string;
  attribute: '预期性' | '约束性';
}

/** The fields of an indicator record, in the order of the JSON keys and the CSV columns. */
export const INDICATOR_FIELDS = ['category', 'no', 'group', 'name', 'unit', 'target', 'attribute'] as const;

/** The table as records, in printed order (27 for the plan). */
export function indicatorRecords(table: IndicatorsTable): IndicatorRecord[] {
  return flattenIndicators(table).map((l) => ({
    category: l.category,
    no: l.no,
    group: l.group,
    name: l.name,
    unit: l.unit,
    target: l.target,
    attribute: l.attribute,
  }));
}

/** A CSV field, quoted when it holds a comma, a double quote, CR or LF (RFC 4180; quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The records as CSV: a byte-order mark (so that spreadsheet programs read
 * UTF-8), a header row of the field names, one line per record, CRLF line
 * ends (RFC 4180). A null `group` is an empty field.
 */
export function indicatorsCsv(records: readonly IndicatorRecord[]): string {
  const lines = [
    INDICATOR_FIELDS.join(','),
    ...records.map((r) => INDICATOR_FIELDS.map((f) => csvField(r[f] === null ? '' : String(r[f]))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One published package. `links` are site URLs (with the deployment base) of the places that discuss each item. */
export interface PackageRecord {
  no: number;
  name: string;
  goal: string;
  content: string;
  count: number;
  items: { text: string; links: string[] }[];
}

/** The packages as published at /data/packages.json. */
export function packageRecords(table: PackagesTable, linked: readonly LinkedPackage[], base: string): PackageRecord[] {
  return table.packages.map((p) => {
    const items = linked.find((l) => l.no === p.no)?.items ?? [];
    return {
      no: p.no,
      name: p.name,
      goal: p.goal,
      content: p.content,
      count: p.count,
      items: p.items.map((text, i) => ({
        text,
        links: (items[i]?.places ?? []).map((place) => withBase(place.href, base)),
      })),
    };
  });
}
