/**
 * What /about/ says was done to the text, taken from the reviewed files
 * themselves (content/corrections.json, content/structure-decisions.json) and
 * from the model, so that the page cannot drift from what the converter did:
 * every correction and every structure decision becomes one row, in the
 * files' order, with its reason as written by the reviewer.
 *
 * Pure: parsed files and the model in, rows and counts out.
 */
import type { Plan } from '../../convert/model';
import type { StructureDecisions } from '../../reviewed/structure-decisions';
import { pageLocations } from '../plan/page-locations';

/** One structure decision as the page shows it. */
export interface DecisionRow {
  /** Which kind of decision (`专栏的结尾`). */
  kind: string;
  /** 1-based source line. */
  line: number;
  /** The words it concerns, as in the file (`startsWith`, or `at` for a split). */
  words: string;
  /** What was decided, in words (`专栏3 到此句为止`). */
  decision: string;
  reason: string;
}

/** Every decision of the file, grouped by kind in the file's order. */
export function decisionRows(decisions: StructureDecisions): DecisionRow[] {
  return [
    ...decisions.boxEnds.map((d) => ({
      kind: '专栏的结尾',
      line: d.line,
      words: d.startsWith,
      decision: `专栏${d.box}到以此开头的句子为止，其后的文字回到正文`,
      reason: d.reason,
    })),
    ...decisions.leads.map((d) => ({
      kind: '段首句',
      line: d.line,
      words: d.startsWith,
      decision: d.lead ? '是段首句（印刷版加粗的起句），由此开始一段' : '不是段首句，属于上一段首句之后的正文',
      reason: d.reason,
    })),
    ...decisions.paragraphStarts.map((d) => ({
      kind: '另起一段',
      line: d.line,
      words: d.startsWith,
      decision: '由此另起一段（该段没有段首句）',
      reason: d.reason,
    })),
    ...decisions.sentenceSplits.map((d) => ({
      kind: '一行分为两段',
      line: d.line,
      words: d.at,
      decision: `此行在“${d.at}”之前分开，前后各属一段`,
      reason: d.reason,
    })),
  ];
}

/** How the printed page numbers became markers, counted on the model. */
export interface PageMarkerCount {
  /** The last printed page (its number ends the source). */
  lastPage: number;
  /** Markers on the site: one where each printed page begins. */
  markers: number;
}

/** Counts the page markers the model places (one per printed page that begins in it). */
export function pageMarkerCount(plan: Plan): PageMarkerCount {
  const locations = pageLocations(plan);
  return { lastPage: Math.max(...locations.map((l) => l.page)), markers: locations.length };
}
