/**
 * The plain-text download: the corrected text of the plan without page
 * numbers, read from the model in reading order (`planText`), one line per
 * title, approval line, heading, paragraph, target line, box heading, box
 * introduction and box item; the two tables from their curated cells, one
 * line per row with the cells separated by tabs. UTF-8, LF line ends.
 * Deleting every LF and tab gives back the model's text with each table's raw
 * text replaced by its cells in order. Pure.
 */
import type { IndicatorsTable } from '../reviewed/indicators-table';
import type { Plan, Table } from '../convert/model';
import type { PackagesTable } from '../reviewed/packages-table';
import { planText } from '../convert/plan-text';
import { indicatorsRows, packagesRows } from './table-rows';

/** The curated tables the text shows in place of the raw ones. */
export interface CuratedTables {
  indicators: IndicatorsTable;
  packages: PackagesTable;
}

/** A table as tab-separated lines (no line end after the last). */
function tableLines(table: Table, tables: CuratedTables): string {
  const rows = table.table === 'indicators' ? indicatorsRows(tables.indicators) : packagesRows(tables.packages);
  return rows.map((cells) => cells.join('\t')).join('\n');
}

/** The whole plan as plain text. */
export function planPlainText(plan: Plan, tables: CuratedTables): string {
  return planText(plan, { lineEnd: '\n', table: (table) => tableLines(table, tables) });
}
