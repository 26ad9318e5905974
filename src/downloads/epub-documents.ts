/**
 * The content documents of the EPUB, as hast trees built from the model:
 * the title block and 序言, one document per 篇 (its 章 and sections inside),
 * the 附表. Paragraphs with their bold lead, `——` target lines as a list,
 * 专栏 boxes as `<aside>`, the indicators table and the 附表 as real tables
 * from the curated data (marked `data-curated-table`, as on the site).
 *
 * Every printed page that begins in the body gets an empty
 * `<span epub:type="pagebreak" role="doc-pagebreak" id="page-P">` exactly
 * where the model has its page break (the rules of `printed-pages.ts`: page
 * 1 at the first 篇, a footer F opens page F + 1, the last footer opens
 * nothing, the 序言 opens none); inside a table, on the row where the curated
 * data say the page begins. Each span is recorded, in reading order, for the
 * page-list. Pure.
 */
import type { Element, ElementContent } from 'hast';
import { h, type Child } from 'hastscript';
import type { Block, Chapter, Inline, Part, Plan, Section, Table, Target } from '../convert/model';
import { FIRST_PAGE, lastPage, pageAfterFooter } from '../convert/printed-pages';
import { curatedTablePageRows } from '../site/plan/page-locations';
import { boxId, fullPageIds, pageAnchorId } from '../site/site-paths';
import type { CuratedTables } from './plain-text';

/** One content document of the book. */
export interface ContentDocument {
  /** File name inside the EPUB's content folder (`part-5.xhtml`). */
  file: string;
  /** Its `<title>`. */
  title: string;
  /** `epub:type` of its body (`bodymatter`, `frontmatter`, `backmatter`). */
  matter: 'frontmatter' | 'bodymatter' | 'backmatter';
  /** The body's children. */
  body: ElementContent[];
}

/** Where a printed page begins: the document and the span's id. */
export interface PageTarget {
  page: number;
  href: string;
}

/** The content documents and the page breaks they hold, in reading order. */
export interface BookContent {
  documents: ContentDocument[];
  pages: PageTarget[];
}

/** File of the title block and 序言. */
export const TITLE_FILE = 'title.xhtml';
/** File of 篇 `n`. */
export const partFile = (n: number): string => `part-${n}.xhtml`;
/** File of the 附表. */
export const APPENDIX_FILE = 'appendix.xhtml';

/** A heading's numbering and title, kept apart for styling (no character added). */
function headingText(label: string, title: string): Child {
  return label === '' ? [title] : [h('span.label', label), h('span.title', title)];
}

/** Builds the documents, recording each page break as it is written. */
class BookWriter {
  readonly pages: PageTarget[] = [];
  private file = '';

  /** The plan's last printed page (`lastPage`): its footer opens nothing. */
  private readonly last: number;

  constructor(
    private readonly plan: Plan,
    private readonly tables: CuratedTables,
  ) {
    this.last = lastPage(plan);
  }

  /** Starts writing `file`. */
  open(file: string): void {
    this.file = file;
  }

  /** The empty marker where printed page `page` begins. */
  pageBreak(page: number): Element {
    const id = pageAnchorId(page);
    this.pages.push({ page, href: `${this.file}#${id}` });
    return h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id, 'aria-label': String(page) });
  }

  /** The marker opened by footer `footer`, if it opens a page and markers show. */
  footer(footer: number | null, markers: boolean): Element[] {
    const page = footer === null || !markers ? null : pageAfterFooter(footer, this.last);
    return page === null ? [] : [this.pageBreak(page)];
  }

  inlines(inlines: readonly Inline[], markers: boolean): ElementContent[] {
    return inlines.flatMap((inline): ElementContent[] =>
      typeof inline === 'string' ? [{ type: 'text', value: inline }] : this.footer(inline.footer, markers),
    );
  }

  /** A paragraph-like run: bold lead, then body. */
  leadAndBody(lead: readonly Inline[] | null, body: readonly Inline[], markers: boolean): ElementContent[] {
    const out: ElementContent[] = [];
    if (lead && lead.length > 0) out.push(h('strong', this.inlines(lead, markers)));
    out.push(...this.inlines(body, markers));
    return out;
  }

  /** Blocks; consecutive targets form one list. `boxLevel` is the heading level of boxes. */
  blocks(blocks: readonly Block[], boxLevel: number, markers = true): ElementContent[] {
    const out: ElementContent[] = [];
    let targets: Element | null = null;
    for (const block of blocks) {
      if (block.kind !== 'target') targets = null;
      switch (block.kind) {
        case 'paragraph':
          out.push(h('p', this.leadAndBody(block.lead, block.body, markers)));
          break;
        case 'target':
          if (targets === null) {
            targets = h('ul.targets');
            out.push(targets);
          }
          targets.children.push(this.target(block, markers));
          break;
        case 'box': {
          out.push(...this.footer(block.footerBefore, markers));
          const id = boxId(block.n);
          out.push(
            h('aside.box', { id, 'aria-labelledby': `${id}-title` }, [
              h(`h${boxLevel}`, { id: `${id}-title` }, headingText(block.label, block.title)),
              ...(block.intro.length > 0 ? [h('p', this.inlines(block.intro, markers))] : []),
              ...block.items.map((item) => h('p', this.leadAndBody(item.lead, item.body, markers))),
            ]),
          );
          break;
        }
        case 'table':
          out.push(this.table(block));
          break;
      }
    }
    return out;
  }

  target(block: Target, markers: boolean): Element {
    return h('li', this.leadAndBody(block.lead, block.body, markers));
  }

  table(block: Table): Element {
    return block.table === 'indicators' ? this.indicatorsTable() : this.packagesTable();
  }

  /** The indicators table, structured as the site's IndicatorsTable. */
  indicatorsTable(): Element {
    const table = this.tables.indicators;
    const pageAtRow = curatedTablePageRows(this.plan, 'indicators', table.pageBreaks);
    const [categoryHeader, noHeader, nameHeader, targetHeader, attributeHeader] = table.headers;
    const lines = (rows: { measures: unknown[] }[]) => rows.reduce((n, r) => n + r.measures.length, 0);
    const span = (row: { measures: unknown[] }) => (row.measures.length > 1 ? row.measures.length : undefined);
    return h('div.table-wrap', { 'data-curated-table': 'indicators' }, [
      h('table#indicators', { 'aria-describedby': 'indicators-note' }, [
        h('caption', table.caption),
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, categoryHeader),
            h('th', { scope: 'col' }, noHeader),
            h('th', { scope: 'col', colSpan: 2 }, nameHeader),
            h('th', { scope: 'col' }, targetHeader),
            h('th', { scope: 'col' }, attributeHeader),
          ]),
        ]),
        ...table.categories.map((category) =>
          h(
            'tbody',
            category.rows.flatMap((row, ri) =>
              row.measures.map((measure, mi) => {
                const page = mi === 0 ? pageAtRow.get(row.no) : undefined;
                return h('tr', [
                  ri === 0 && mi === 0 ? h('th', { scope: 'rowgroup', rowSpan: lines(category.rows) }, category.category) : null,
                  mi === 0 ? h('td.no', { rowSpan: span(row) }, [page === undefined ? null : this.pageBreak(page), String(row.no)]) : null,
                  mi === 0 && row.label !== null ? h('th', { scope: 'row', rowSpan: span(row) }, row.label) : null,
                  h('th', { scope: 'row', colSpan: row.label === null ? 2 : undefined }, [measure.name, h('span.unit', measure.unitAsPrinted)]),
                  h('td', measure.target),
                  mi === 0 ? h('td', { rowSpan: span(row) }, row.attribute) : null,
                ]);
              }),
            ),
          ),
        ),
      ]),
      h('p#indicators-note.table-note', table.note),
    ]);
  }

  /** The 附表 table, named by the appendix heading (no character added). */
  packagesTable(): Element {
    const table = this.tables.packages;
    const pageAtRow = curatedTablePageRows(this.plan, 'packages', table.pageBreaks);
    const [nameHeader, goalHeader, contentHeader] = table.headers;
    return h('div.table-wrap', { 'data-curated-table': 'packages' }, [
      h('table#packages', { 'aria-labelledby': fullPageIds.appendix }, [
        h('thead', [h('tr', [nameHeader, goalHeader, contentHeader].map((header) => h('th', { scope: 'col' }, header)))]),
        h(
          'tbody',
          table.packages.map((p) => {
            const page = pageAtRow.get(p.no);
            return h('tr', [
              h('th', { scope: 'row' }, [page === undefined ? null : this.pageBreak(page), p.name]),
              h('td', p.goal),
              h('td', p.content),
            ]);
          }),
        ),
      ]),
    ]);
  }

  section(part: Part, chapter: Chapter, section: Section): Element {
    const id = fullPageIds.section(part.n, chapter.n, section.n);
    return h('section', { 'aria-labelledby': id }, [
      ...this.footer(section.footerBefore, true),
      h('h3', { id }, headingText(section.label, section.title)),
      ...this.blocks(section.blocks, 4),
    ]);
  }

  chapter(part: Part, chapter: Chapter): Element {
    const id = fullPageIds.chapter(part.n, chapter.n);
    return h('section', { 'epub:type': 'chapter', role: 'doc-chapter', 'aria-labelledby': id }, [
      ...this.footer(chapter.footerBefore, true),
      h('h2', { id }, headingText(chapter.label, chapter.title)),
      ...this.blocks(chapter.intro, 3),
      ...chapter.sections.map((section) => this.section(part, chapter, section)),
    ]);
  }

  part(part: Part, first: boolean): Element {
    const id = fullPageIds.part(part.n);
    return h('section', { 'epub:type': 'part', role: 'doc-part', 'aria-labelledby': id }, [
      ...(first ? [this.pageBreak(FIRST_PAGE)] : []),
      ...this.footer(part.footerBefore, true),
      h('h1', { id }, headingText(part.label, part.title)),
      ...this.blocks(part.intro, 2),
      ...part.chapters.map((chapter) => this.chapter(part, chapter)),
    ]);
  }
}

/** The book's content documents from the model and the curated tables. */
export function bookContent(plan: Plan, tables: CuratedTables): BookContent {
  const writer = new BookWriter(plan, tables);
  const documents: ContentDocument[] = [];

  writer.open(TITLE_FILE);
  documents.push({
    file: TITLE_FILE,
    title: plan.title,
    matter: 'frontmatter',
    body: [
      h('section.titlepage', { 'epub:type': 'titlepage', 'aria-labelledby': 'title' }, [
        h('h1#title', plan.title),
        h('p.approval', plan.approval),
      ]),
      // The 序言 lies before page 1: its breaks, if any, open no page.
      h('section', { 'epub:type': 'preface', role: 'doc-preface', 'aria-labelledby': fullPageIds.preface }, [
        h(`h2#${fullPageIds.preface}`, plan.preface.title),
        ...writer.blocks(plan.preface.blocks, 3, false),
      ]),
    ],
  });

  plan.parts.forEach((part, index) => {
    writer.open(partFile(part.n));
    documents.push({
      file: partFile(part.n),
      title: `${part.label} ${part.title}`,
      matter: 'bodymatter',
      body: [writer.part(part, index === 0)],
    });
  });

  const a = plan.appendix;
  writer.open(APPENDIX_FILE);
  documents.push({
    file: APPENDIX_FILE,
    title: `${a.label} ${a.title}`,
    matter: 'backmatter',
    body: [
      h('section', { 'epub:type': 'appendix', role: 'doc-appendix', 'aria-labelledby': fullPageIds.appendix }, [
        ...writer.footer(a.footerBefore, true),
        h(`h1#${fullPageIds.appendix}`, headingText(a.label, a.title)),
        ...writer.blocks(a.blocks, 2),
      ]),
    ],
  });

  return { documents, pages: writer.pages };
}
