/**
 * One citation record (citation.ts) written out in the forms readers paste:
 * GB/T 7714-2015 for a Chinese bibliography, and RIS, BibTeX and CSL-JSON
 * for reference managers (Zotero, EndNote, NoteExpress, JabRef, pandoc).
 *
 * Hand-written rather than Citation.js: four small serializers of one known
 * record are a few hundred bytes in the 引用 panel's script, where
 * `@citation-js/core` with its BibTeX and RIS plugins adds about 57 kB
 * (gzip) and still writes no GB/T 7714. The tests read each form back with
 * independent parsers.
 *
 * GB/T 7714 describes the page as what it is, an electronic document
 * (`[EB/OL]`). The other three describe the plan as a report of the municipal
 * government: the type reference managers keep printed pages, a date and an
 * access date for (their web-page types drop the pages).
 *
 * Pure.
 */
import type { CitationRecord } from './citation';
import { pageSpanText } from '../plan/page-spans';

/** The title with the spot as other title information, as every format gives it: `纲要: 第五篇 第三章 …`. */
export function recordTitle(r: Pick<CitationRecord, 'title' | 'spot'>): string {
  return r.spot ? `${r.title}: ${r.spot}` : r.title;
}

/** `2021-01-27` → `[2021, 1, 27]`. */
const dateParts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/**
 * GB/T 7714-2015, electronic document: issuer, title, `[EB/OL]`, (date of
 * publication)[date of access], the cited pages (`: 58-60`, `: 59`; none for
 * the whole plan), the URL. The URL ends the reference without the
 * standard's closing full stop, which would become part of the anchor when
 * the link is pasted.
 */
export function gbt7714(r: CitationRecord): string {
  const pages = r.pages ? `: ${pageSpanText(r.pages)}` : '';
  return `${r.issuer}. ${recordTitle(r)}[EB/OL]. (${r.published})[${r.accessed}]${pages}. ${r.url}`;
}

/** RIS (the tagged format of EndNote and Zotero), one tag a line, `ER` last. */
export function ris(r: CitationRecord): string {
  const slash = (iso: string) => iso.replace(/-/g, '/');
  const lines: [string, string][] = [
    ['TY', 'RPRT'],
    ['ID', r.id],
    ['AU', r.issuer],
    ['TI', recordTitle(r)],
    ['PY', r.published.slice(0, 4)],
    ['DA', slash(r.published)],
    ['PB', r.issuer],
    ...(r.pages ? ([['SP', String(r.pages.first)], ['EP', String(r.pages.last)]] as [string, string][]) : []),
    ['LA', r.language],
    ['UR', r.url],
    ['Y2', slash(r.accessed)],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\n') + '\n';
}

/** TeX's special characters in a BibTeX field value, escaped (every character kept). */
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** A BibTeX field value with TeX's special characters escaped. */
function bibtexText(value: string): string {
  return value.replace(/[\\{}%&#$_~^]/g, (c) => TEX_ESCAPES[c]!);
}

/**
 * BibTeX, read by BibTeX and biblatex: a `@techreport` whose author is the
 * issuing body in double braces (a name not to be split into given and
 * family names), with `date`, `urldate` and `language` as biblatex and the
 * GB/T 7714 BibTeX styles read them.
 */
export function bibtex(r: CitationRecord): string {
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const [year, month] = dateParts(r.published);
  const fields: [string, string][] = [
    ['author', `{${bibtexText(r.issuer)}}`],
    ['title', bibtexText(recordTitle(r))],
    ['institution', bibtexText(r.issuer)],
    ['year', String(year)],
    ['month', months[month - 1]!],
    ['date', r.published],
    ...(r.pages ? ([['pages', pageSpanText(r.pages).replace('-', '--')]] as [string, string][]) : []),
    ['url', r.url.replace(/[{}]/g, '')],
    ['urldate', r.accessed],
    ['language', r.language],
  ];
  const body = fields.map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`)).join(',\n');
  return `@techreport{${r.id},\n${body}\n}\n`;
}

/** A CSL-JSON item (the data model of citeproc, Zotero and pandoc). */
export interface CslItem {
  id: string;
  type: 'report';
  title: string;
  author: { literal: string }[];
  publisher: string;
  issued: { 'date-parts': [[number, number, number]] };
  accessed: { 'date-parts': [[number, number, number]] };
  page?: string;
  URL: string;
  language: string;
}

/** The record as a CSL-JSON item. */
export function cslItem(r: CitationRecord): CslItem {
  return {
    id: r.id,
    type: 'report',
    title: recordTitle(r),
    author: [{ literal: r.issuer }],
    publisher: r.issuer,
    issued: { 'date-parts': [dateParts(r.published)] },
    accessed: { 'date-parts': [dateParts(r.accessed)] },
    ...(r.pages ? { page: pageSpanText(r.pages) } : {}),
    URL: r.url,
    language: r.language,
  };
}

/** CSL-JSON as a file holds it: an array of items. */
export function cslJson(r: CitationRecord): string {
  return JSON.stringify([cslItem(r)], null, 2) + '\n';
}

/** The forms for reference managers the 引用 panel offers, in its order: key, name, file. */
export const MANAGER_FORMATS = [
  { key: 'ris', short: 'RIS', name: 'RIS（EndNote、Zotero、NoteExpress）', file: '.ris', type: 'application/x-research-info-systems', write: ris },
  { key: 'bibtex', short: 'BibTeX', name: 'BibTeX（LaTeX、JabRef）', file: '.bib', type: 'application/x-bibtex', write: bibtex },
  { key: 'csl', short: 'CSL-JSON', name: 'CSL-JSON（Zotero、pandoc）', file: '.json', type: 'application/vnd.citationstyles.csl+json', write: cslJson },
] as const;

/** Key of a form the 引用 panel offers. */
export type FormatKey = 'gbt' | 'link' | (typeof MANAGER_FORMATS)[number]['key'];
