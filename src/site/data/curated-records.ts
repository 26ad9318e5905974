/**
 * The data downloads besides plan.json: the indicators as JSON and CSV, and
 * the packages with their items and links. Pure: curated data in, text out.
 */
import { flattenIndicators, type IndicatorLine, type IndicatorsTable } from '../../reviewed/indicators-table';
import type { PackagesTable } from '../../reviewed/packages-table';
import type { LinkedPackage } from '../../reviewed/package-links';
import { withBase } from '../site-paths';

/**
 * One published line of the indicators table: a row, or one sub-row of rows
 * 9 and 25 (see `IndicatorLine`: `group` keeps the label those rows print left
 * of their sub-rows, without which the data would lose two cells).
 */
export type IndicatorRecord = IndicatorLine;

/** The fields of an indicator record, in the order of the JSON keys and the CSV columns. */
export const INDICATOR_FIELDS = ['category', 'no', 'group', 'name', 'unit', 'target', 'attribute'] as const;

/** The table as records, in printed order (27 for the plan). */
export const indicatorRecords: (table: IndicatorsTable) => IndicatorRecord[] = flattenIndicators;

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
