/**
 * The curated tables as rectangular rows of cell texts, for the plain-text
 * download's tab-separated lines. A cell that spans rows or columns on the
 * page is written once, where it starts; the places it covers are empty
 * cells. The indicators table has six columns (its 指标 header spans two:
 * the label that rows 9 and 25 share and the measure), the caption and the
 * note stand on lines of their own. The non-empty cells, in order, are the
 * cells as the site shows them.
 */
import type { IndicatorsTable } from '../reviewed/indicators-table';
import type { PackagesTable } from '../reviewed/packages-table';

/** The indicators table: caption, headers, one row per measure, note. */
export function indicatorsRows(table: IndicatorsTable): string[][] {
  const [category, no, name, target, attribute] = table.headers;
  const rows: string[][] = [[table.caption], [category!, no!, name!, '', target!, attribute!]];
  for (const group of table.categories) {
    group.rows.forEach((row, ri) => {
      row.measures.forEach((m, mi) => {
        const first = mi === 0;
        const measure = m.name + m.unitAsPrinted;
        rows.push([
          ri === 0 && first ? group.category : '',
          first ? String(row.no) : '',
          ...(row.label === null ? [measure, ''] : [first ? row.label : '', measure]),
          m.target,
          first ? row.attribute : '',
        ]);
      });
    });
  }
  rows.push([table.note]);
  return rows;
}

/** The 附表: headers, then name, goal and content of each package. */
export function packagesRows(table: PackagesTable): string[][] {
  return [[...table.headers], ...table.packages.map((p) => [p.name, p.goal, p.content])];
}
