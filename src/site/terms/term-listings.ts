/**
 * The term index on the site: where each occurrence is (as a link reads),
 * the terms of one 篇 or 章 page, and the terms grouped by initial for
 * /terms/. Pure: the model and the index in, data out.
 */
import type { Plan } from '../../convert/model';
import { isBox, planBlocks } from '../../convert/plan-walk';
import type { QuotedTerm, TermOccurrence } from './quoted-terms';

/**
 * How a link to an occurrence reads: `序言`, `第七篇 …` (the 篇's own text),
 * `第七篇 第二章 …` (the 章's introduction or heading), `第七篇 第二章 一、…`
 * (a section), or `专栏2 …` for a box.
 */
export function occurrenceLabel(plan: Plan, o: TermOccurrence): string {
  if (o.part === null) return plan.preface.title;
  const part = plan.parts.find((p) => p.n === o.part);
  if (!part) throw new Error(`plan.json has no 篇 ${o.part}`);
  if (o.chapter === null) return `${part.label} ${part.title}`;
  const chapter = part.chapters.find((c) => c.n === o.chapter);
  if (!chapter) throw new Error(`plan.json has no 章 ${o.chapter} in 篇 ${o.part}`);
  if (o.box !== null) {
    const box = [...planBlocks(plan, isBox)].find((step) => step.chapter === chapter && step.node.n === o.box)?.node;
    if (box) return `${box.label} ${box.title}`;
  }
  if (o.section === null) return `${part.label} ${chapter.label} ${chapter.title}`;
  const section = chapter.sections.find((s) => s.n === o.section);
  if (!section) throw new Error(`plan.json has no section ${o.section} in 篇 ${o.part} 章 ${o.chapter}`);
  return `${part.label} ${chapter.label} ${section.label}${section.title}`;
}

/** Occurrences at one place (a section, a box, an introduction), in reading order. */
export interface PlaceOccurrences {
  label: string;
  occurrences: TermOccurrence[];
}

/** The occurrences of a term gathered by place (consecutive occurrences at the same place share a line). */
export function occurrencesByPlace(plan: Plan, term: QuotedTerm): PlaceOccurrences[] {
  const out: PlaceOccurrences[] = [];
  for (const o of term.occurrences) {
    const label = occurrenceLabel(plan, o);
    const last = out.at(-1);
    if (last && last.label === label) last.occurrences.push(o);
    else out.push({ label, occurrences: [o] });
  }
  return out;
}

/** A term on one page, with how often it occurs there. */
export interface PageTerm {
  id: string;
  term: string;
  count: number;
}

/**
 * The terms of the index that occur on a 篇 page (`chapter` null: the 篇's
 * own text) or a 章 page, in index order.
 */
export function termsOnPage(terms: readonly QuotedTerm[], part: number, chapter: number | null): PageTerm[] {
  return terms
    .map((t) => ({ id: t.id, term: t.term, count: t.occurrences.filter((o) => o.part === part && o.chapter === chapter).length }))
    .filter((t) => t.count > 0);
}

/** The terms under one initial. */
export interface InitialGroup {
  initial: string;
  /** Id of its heading on /terms/ (`initial-L`; `initial-other` for `#`). */
  id: string;
  terms: QuotedTerm[];
}

/** The terms grouped by initial, A–Z then `#` (terms opening with a digit). */
export function groupByInitial(terms: readonly QuotedTerm[]): InitialGroup[] {
  const groups = new Map<string, QuotedTerm[]>();
  for (const t of terms) groups.set(t.initial, [...(groups.get(t.initial) ?? []), t]);
  return [...groups]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([initial, list]) => ({ initial, id: initial === '#' ? 'initial-other' : `initial-${initial}`, terms: list }));
}
