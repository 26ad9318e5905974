/**
 * The EPUB 3 of the whole plan, built from the model and the curated tables
 * (`bookContent`), with:
 * - a navigation document: the 目录 (篇 → 章 → sections, the 序言 and the
 *   附表), the `page-list` of every printed page and the landmarks;
 * - the package document: title, language zh-CN, issuer, date of approval,
 *   the printed edition as the source of the page breaks, the edition's
 *   version, and the EPUB Accessibility 1.1 metadata;
 * - a cover drawn as SVG, a colophon saying which edition this is;
 * - zipped with fflate: `mimetype` first and stored, every entry dated the
 *   same fixed time, so that the same inputs give the same bytes.
 * Pure: data in, bytes out.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Plan } from '../convert/model';
import { fullPageIds } from '../site/site-paths';
import { APPENDIX_FILE, TITLE_FILE, bookContent, partFile, type ContentDocument, type PageTarget } from './epub-documents';
import { coverSvg } from './epub-cover';
import type { Edition } from './edition';
import type { CuratedTables } from './plain-text';

/** Who issued the plan (see README, Citing: the municipal government issued it). */
export const ISSUER = '北京市人民政府';
/** The language of the text. */
const LANG = 'zh-CN';
/** The publication's identifier: fixed, so that reading systems see every edition as the same book. */
const IDENTIFIER = 'urn:uuid:7b0d2a52-4f1e-4c39-9a4e-2f6d1c8e5b14';
/** EPUB Accessibility 1.1 conformance identifier (WCAG 2.1 level AA). */
const CONFORMANCE = 'EPUB-A11Y-11_WCAG-21-AA';
/** Every zip entry's date (local fields of the DOS format; fixed so builds are reproducible). */
const ZIP_TIME = new Date(2021, 0, 27, 0, 0, 0);

const NAV_FILE = 'nav.xhtml';
const COVER_FILE = 'cover.xhtml';
const COVER_IMAGE = 'cover.svg';
const COLOPHON_FILE = 'colophon.xhtml';
const STYLE_FILE = 'style.css';
const CONTENT_DIR = 'EPUB';

/** The date of approval, `YYYY-MM-DD`, read from the approval line (`2021年1月27日…`). */
export function approvalDate(approval: string): string {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(approval);
  if (!m) throw new Error(`approval line does not start with a date: ${approval}`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** The printed edition whose page numbers the text carries. */
export function printedEdition(plan: Plan, pages: number): string {
  return `《${plan.title}》，${ISSUER}，印刷版（共${pages}页）`;
}

/**
 * Serialises a tree as XML: hast-util-to-html with every element closed,
 * attributes always quoted, and references numeric (XML knows no HTML
 * named references). `voids` are the elements written as `<x />`.
 */
function xml(tree: Root | Element, voids: string[] = [], doctype = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}${toHtml(tree, {
    voids,
    closeSelfClosing: true,
    characterReferences: { useNamedReferences: false },
  })}\n`;
}

const XHTML_VOIDS = ['meta', 'link', 'img', 'br', 'col', 'hr'];

/** An XHTML content document around `body`. */
function xhtml(title: string, body: ElementContent[], bodyType?: string): string {
  const tree = h(
    'html',
    { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang: LANG, 'xml:lang': LANG },
    [
      h('head', [h('meta', { charset: 'utf-8' }), h('title', title), h('link', { rel: 'stylesheet', href: STYLE_FILE })]),
      h('body', bodyType ? { 'epub:type': bodyType } : {}, body),
    ],
  );
  return xml(tree, XHTML_VOIDS, '<!DOCTYPE html>\n');
}

/** A heading as the 目录 and the reading system's list show it: `第二章 标题`, `一、标题`. */
const tocLabel = (label: string, title: string) => (label.endsWith('、') ? label + title : `${label} ${title}`);

/** The navigation document: 目录, page list, landmarks. Site text, marked `data-nontext`. */
function navDocument(plan: Plan, pages: readonly PageTarget[]): string {
  const link = (href: string, text: string, children: Element[] = []) =>
    h('li', [h('a', { href }, text), ...(children.length > 0 ? [h('ol', children)] : [])]);
  const toc = [
    link(`${TITLE_FILE}#${fullPageIds.preface}`, plan.preface.title),
    ...plan.parts.map((part) =>
      link(
        `${partFile(part.n)}#${fullPageIds.part(part.n)}`,
        tocLabel(part.label, part.title),
        part.chapters.map((chapter) =>
          link(
            `${partFile(part.n)}#${fullPageIds.chapter(part.n, chapter.n)}`,
            tocLabel(chapter.label, chapter.title),
            chapter.sections.map((section) =>
              link(`${partFile(part.n)}#${fullPageIds.section(part.n, chapter.n, section.n)}`, tocLabel(section.label, section.title)),
            ),
          ),
        ),
      ),
    ),
    link(`${APPENDIX_FILE}#${fullPageIds.appendix}`, tocLabel(plan.appendix.label, plan.appendix.title)),
    link(COLOPHON_FILE, '版本说明'),
  ];
  return xhtml('目录', [
    h('nav#toc', { 'epub:type': 'toc', role: 'doc-toc', 'aria-labelledby': 'toc-title', 'data-nontext': '' }, [
      h('h1#toc-title', '目录'),
      h('ol.toc', toc),
    ]),
    // Shown by reading systems as their page navigation; hidden in the flow
    // by the style sheet (`hidden` cannot be written in XML syntax here).
    h('nav#page-list.nav-hidden', { 'epub:type': 'page-list', role: 'doc-pagelist', 'aria-labelledby': 'page-list-title', 'data-nontext': '' }, [
      h('h2#page-list-title', '印刷版页码'),
      h('ol', pages.map((p) => h('li', [h('a', { href: p.href }, String(p.page))]))),
    ]),
    h('nav#landmarks.nav-hidden', { 'epub:type': 'landmarks', 'aria-labelledby': 'landmarks-title', 'data-nontext': '' }, [
      h('h2#landmarks-title', '导航'),
      h('ol', [
        h('li', [h('a', { 'epub:type': 'cover', href: COVER_FILE }, '封面')]),
        h('li', [h('a', { 'epub:type': 'toc', href: `${NAV_FILE}#toc` }, '目录')]),
        h('li', [h('a', { 'epub:type': 'bodymatter', href: partFile(plan.parts[0]!.n) }, '正文')]),
      ]),
    ]),
  ], 'frontmatter');
}

/** The colophon: which edition this is. Site text, marked `data-nontext`. */
function colophon(plan: Plan, edition: Edition, pages: number): string {
  return xhtml('版本说明', [
    h('section.colophon', { 'epub:type': 'colophon', role: 'doc-colophon', 'aria-labelledby': 'colophon-title', 'data-nontext': '' }, [
      h('h1#colophon-title', '版本说明'),
      h('p', `本电子书是《${plan.title}》的非官方版本，由 gangyao 项目从规划文本的文档模型生成，正文一字不增、不减、不改动次序；对原始提取文本所作的每一处修正都有记录和理由。`),
      h('p', `正文中标出了印刷版（共${pages}页）每一页的起点，阅读软件的“页码”导航即据此跳转。两张表格（主要指标表和附表）依据核对过的整理数据排成表格。`),
      h('p', `版本：${edition.version}；原始文本 SHA-256：${edition.sourceSha256}；更新时间：${edition.modified}。`),
      h('p', `发布机关：${ISSUER}。${plan.approval}。`),
    ]),
  ], 'backmatter');
}

const STYLE = `/* CJK fonts before the system's; line height for reading Chinese. */
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; line-height: 1.8; }
h1, h2, h3, h4, h5 { text-align: start; line-height: 1.4; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 .label, h2 .label { margin-inline-end: 1em; }
.titlepage { text-align: center; margin: 3em 0; }
.approval { text-align: center; }
p { margin: 0.6em 0; text-indent: 2em; }
.box p, td p, .table-note, .colophon p { text-indent: 0; }
ul.targets { list-style: none; padding-inline-start: 0; }
aside.box { border: 1px solid #b3261e; padding: 0.5em 1em; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; line-height: 1.6; }
caption { font-weight: bold; margin-bottom: 0.5em; }
th, td { border: 1px solid #888; padding: 0.3em; vertical-align: top; text-align: start; }
.nav-hidden { display: none; }
ol.toc, ol.toc ol { list-style: none; }
.cover { margin: 0; padding: 0; text-align: center; }
.cover img { max-width: 100%; max-height: 100vh; }
`;

/** The package document. */
function packageDocument(plan: Plan, edition: Edition, documents: readonly ContentDocument[], pages: number): string {
  const meta = (property: string, value: string, attrs: Record<string, string> = {}) => h('meta', { property, ...attrs }, value);
  const features = [
    'alternativeText',
    'displayTransformability',
    'pageBreakMarkers',
    'pageNavigation',
    'printPageNumbers',
    'readingOrder',
    'structuralNavigation',
    'tableOfContents',
  ];
  const summary =
    `本书为可重排的文字版，正文、标题层级、专栏（aside）和表格（带表头的真表格）均有语义标记，` +
    `目录可跳到每篇、每章、每节，页码导航可跳到印刷版${pages}页中的任一页。封面图有文字说明。无闪烁、声音或动态内容。`;
  const items = [
    { id: 'nav', href: NAV_FILE, type: 'application/xhtml+xml', properties: 'nav' },
    { id: 'cover', href: COVER_FILE, type: 'application/xhtml+xml' },
    { id: 'cover-image', href: COVER_IMAGE, type: 'image/svg+xml', properties: 'cover-image' },
    ...documents.map((d) => ({ id: d.file.replace(/\.xhtml$/, ''), href: d.file, type: 'application/xhtml+xml' })),
    { id: 'colophon', href: COLOPHON_FILE, type: 'application/xhtml+xml' },
    { id: 'style', href: STYLE_FILE, type: 'text/css' },
  ];
  const spine = ['cover', documents[0]!.file.replace(/\.xhtml$/, ''), 'nav', ...documents.slice(1).map((d) => d.file.replace(/\.xhtml$/, '')), 'colophon'];
  const tree = h(
    'package',
    { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'pub-id', 'xml:lang': LANG },
    [
      h('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
        h('dc:identifier#pub-id', IDENTIFIER),
        h('dc:title#pub-title', plan.title),
        h('dc:language', LANG),
        h('dc:creator#issuer', ISSUER),
        meta('role', 'isb', { refines: '#issuer', scheme: 'marc:relators' }),
        h('dc:date', approvalDate(plan.approval)),
        h('dc:description', plan.approval),
        h('dc:source#print-source', printedEdition(plan, pages)),
        meta('source-of', 'pagination', { refines: '#print-source' }),
        meta('dcterms:modified', edition.modified),
        meta('schema:version', edition.version),
        meta('schema:accessMode', 'textual'),
        meta('schema:accessModeSufficient', 'textual'),
        ...features.map((f) => meta('schema:accessibilityFeature', f)),
        meta('schema:accessibilityHazard', 'none'),
        meta('schema:accessibilitySummary', summary),
        meta('dcterms:conformsTo', CONFORMANCE),
        meta('a11y:certifiedBy', 'gangyao'),
        h('meta', { name: 'cover', content: 'cover-image' }),
      ]),
      h('manifest', items.map((i) => h('item', { id: i.id, href: i.href, 'media-type': i.type, properties: i.properties }))),
      h('spine', spine.map((idref) => h('itemref', { idref }))),
    ],
  );
  return xml(tree);
}

const CONTAINER = xml(
  h('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
    h('rootfiles', [h('rootfile', { 'full-path': `${CONTENT_DIR}/package.opf`, 'media-type': 'application/oebps-package+xml' })]),
  ]),
);

/** What the EPUB holds, before zipping: path in the archive → text. */
export function epubFiles(plan: Plan, tables: CuratedTables, edition: Edition): Map<string, string> {
  const { documents, pages } = bookContent(plan, tables);
  const files = new Map<string, string>();
  const put = (file: string, text: string) => files.set(`${CONTENT_DIR}/${file}`, text);
  files.set('mimetype', 'application/epub+zip');
  files.set('META-INF/container.xml', CONTAINER);
  put('package.opf', packageDocument(plan, edition, documents, pages.length));
  put(NAV_FILE, navDocument(plan, pages));
  put(COVER_FILE, xhtml('封面', [h('section.cover', { 'epub:type': 'cover', 'data-nontext': '' }, [h('img', { src: COVER_IMAGE, alt: `封面：${plan.title}`, role: 'doc-cover' })])], 'cover'));
  put(COVER_IMAGE, `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(coverSvg(plan.title, plan.approval, ISSUER), { space: 'svg', closeEmptyElements: true, characterReferences: { useNamedReferences: false } })}\n`);
  for (const d of documents) put(d.file, xhtml(d.title, d.body, d.matter));
  put(COLOPHON_FILE, colophon(plan, edition, pages.length));
  put(STYLE_FILE, STYLE);
  return files;
}

/** The EPUB as bytes. */
export function planEpub(plan: Plan, tables: CuratedTables, edition: Edition): Uint8Array {
  const zippable: Zippable = {};
  for (const [file, text] of epubFiles(plan, tables, edition)) {
    // The mimetype must be stored (not compressed) and come first (EPUB OCF 3).
    zippable[file] = [strToU8(text), { level: file === 'mimetype' ? 0 : 6 }];
  }
  return zipSync(zippable, { mtime: ZIP_TIME });
}
