/**
 * The downloads of the built site: the EPUB passes epubcheck with no error
 * and no warning; read back in spine order it gives the plan's text (the
 * faithfulness proof's `planText`, the two tables left out) and its tables
 * the curated cells; its page-list maps printed pages 1…218, in order, to
 * page-break spans where the site's page locations put them; its metadata
 * say what the book is. The plain text served equals the one built from the
 * model; /downloads/ states each file's true size; / and /data/ link there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { planText } from '../../src/convert/plan-text';
import { planPlainText } from '../../src/downloads/plain-text';
import { planEpub } from '../../src/downloads/epub';
import { readEdition } from '../../src/downloads/edition-fs';
import { pageLocations } from '../../src/site/plan/page-locations';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { ABOUT_PATH, DATA_INDEX_PATH, DOWNLOADS_PATH, EPUB_PATH, HOME_PATH, TEXT_PATH } from '../../src/site/site-paths';
import { DEFAULT_BUILD, ROOT, TMP, ensureBuilt } from '../site/build-site';
import { attributeValues, curatedTableCells, fileForPath, mainOf, readPage, visibleText } from '../site/html';
import { having, xmlElements, xmlText, xmlTree } from './epub-xml';
import { indicatorsTableText, packagesTableText } from '../site/plan-text';
import { indicators, packages } from '../helpers/curated-tables';

let outDir: string;
let plan: Plan;
let epubBytes: Uint8Array;
let files: Record<string, string>;
let spine: { file: string; html: string }[];

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
  plan = readPlan();
  epubBytes = readFileSync(fileForPath(outDir, EPUB_PATH));
  files = Object.fromEntries(Object.entries(unzipSync(epubBytes)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const opf = xmlTree(files['EPUB/package.opf']!);
  const hrefs = new Map(xmlElements(opf, 'item').map((item) => [item.attributes.id!, item.attributes.href!]));
  spine = xmlElements(opf, 'itemref').map((ref) => {
    const file = hrefs.get(ref.attributes.idref!)!;
    return { file, html: files[`EPUB/${file}`]! };
  });
});

/** The `<body>` of a content document. */
const bodyOf = (xhtml: string) => {
  const { start, end } = xmlElements(xmlTree(xhtml), 'body')[0]!.position!;
  return xhtml.slice(start.offset, end.offset);
};

/** The model with the raw text of its two tables taken out (they are read from the curated cells). */
function withoutTables(p: Plan): Plan {
  const strip = <T extends { kind: string }>(blocks: T[]): T[] => blocks.map((b) => (b.kind === 'table' ? { ...b, raw: [] } : b));
  return {
    ...p,
    preface: { ...p.preface, blocks: strip(p.preface.blocks) },
    parts: p.parts.map((part) => ({
      ...part,
      intro: strip(part.intro),
      chapters: part.chapters.map((c) => ({ ...c, intro: strip(c.intro), sections: c.sections.map((s) => ({ ...s, blocks: strip(s.blocks) })) })),
    })),
    appendix: { ...p.appendix, blocks: strip(p.appendix.blocks) },
  };
}

/** The epubcheck jar: EPUBCHECK_JAR, else what the `epubcheck` command (Debian's package) links to. */
function epubcheckJar(): string {
  if (process.env.EPUBCHECK_JAR) return process.env.EPUBCHECK_JAR;
  const which = spawnSync('sh', ['-c', 'command -v epubcheck'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('epubcheck is not installed (apt-get install epubcheck)');
  return realpathSync(which.stdout.trim());
}

describe('EPUB', () => {
  it('passes epubcheck with no error and no warning', async () => {
    const file = path.join(TMP, 'check.epub');
    writeFileSync(file, epubBytes);
    // A short run: the client compiler and the serial collector start fastest.
    // Asynchronous and without a time limit of its own: a JVM on a loaded
    // machine must neither block this worker nor run out of a fixed budget.
    const run = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
      const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', epubcheckJar(), file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, output }));
    });
    expect(run.output).toContain('Messages: 0 fatals / 0 errors / 0 warnings / 0 infos');
    expect(run.output).toContain('No errors or warnings detected.');
    expect(run.status, run.output).toBe(0);
  });

  it('is, byte for byte, the book this checkout’s model, tables and edition make (the build makes it in a worker thread, astro dev in the endpoint’s)', () => {
    expect(Buffer.from(epubBytes).equals(planEpub(plan, { indicators, packages }, readEdition(ROOT)))).toBe(true);
  });

  it('is a zip whose first entry is the mimetype, stored and without extra field', () => {
    const view = new DataView(epubBytes.buffer, epubBytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // stored
    expect(view.getUint16(26, true)).toBe('mimetype'.length);
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(strFromU8(epubBytes.subarray(30, 38 + 20))).toBe('mimetypeapplication/epub+zip');
  });

  it('reads back, in spine order, as the plan’s text; its tables hold the curated cells', () => {
    const text = spine.map((d) => visibleText(bodyOf(d.html), { skipCurated: true })).join('');
    const want = planText(withoutTables(plan));
    if (text !== want) {
      let i = 0;
      while (text[i] === want[i]) i++;
      expect(text.slice(i - 20, i + 40)).toBe(want.slice(i - 20, i + 40));
    }
    expect(text).toBe(want);
    const all = spine.map((d) => d.html).join('');
    expect(curatedTableCells(all, 'indicators')).toEqual(indicatorsTableText(indicators));
    expect(curatedTableCells(all, 'packages')).toEqual(packagesTableText(packages));
  });

  it('has the structure of the plan: 14 篇, 54 章, 163 sections, 10 boxes as asides, every lead bold, real tables', () => {
    const docs = spine.map((d) => xmlTree(d.html));
    const all = (name: string, test?: Parameters<typeof xmlElements>[2]) => docs.flatMap((doc) => xmlElements(doc, name, test));
    expect(all('section', having({ 'epub:type': 'part', role: 'doc-part' }))).toHaveLength(14);
    expect(all('section', having({ 'epub:type': 'chapter', role: 'doc-chapter' }))).toHaveLength(54);
    expect(all('h3', (h) => /^p\d+-c\d+-section-\d+$/.test(h.attributes.id ?? ''))).toHaveLength(163);
    expect(all('aside', having({ class: 'box' })).map((a) => a.attributes.id)).toEqual(Array.from({ length: 10 }, (_, i) => `box-${i + 1}`));
    const leads = (blocks: Plan['preface']['blocks']) =>
      blocks.reduce((n, b) => n + (b.kind === 'paragraph' ? (b.lead ? 1 : 0) : b.kind === 'target' ? 1 : b.kind === 'box' ? b.items.length : 0), 0);
    const modelLeads =
      leads(plan.preface.blocks) +
      plan.parts.reduce((n, p) => n + leads(p.intro) + p.chapters.reduce((m, c) => m + leads(c.intro) + c.sections.reduce((k, s) => k + leads(s.blocks), 0), 0), 0);
    expect(all('strong')).toHaveLength(modelLeads);
    expect(all('li').filter((li) => li.children.find((c) => c.type === 'element')?.name === 'strong' && xmlText(li).startsWith('——')).length).toBeGreaterThan(0);
    expect(all('table')).toHaveLength(2);
    expect(all('th', having({ scope: 'col' }))).toHaveLength(5 + 3);
    expect(docs.every((doc) => xmlElements(doc, 'html', having({ lang: 'zh-CN', 'xml:lang': 'zh-CN' })).length === 1)).toBe(true);
  });

  it('maps all 218 printed pages, in order, to page-break spans in reading order, on the 篇 the site puts them in', () => {
    const [pageList] = xmlElements(xmlTree(files['EPUB/nav.xhtml']!), 'nav', having({ 'epub:type': 'page-list' }));
    const entries = xmlElements(pageList!, 'a').map((a) => {
      const [file, id] = a.attributes.href!.split('#');
      return { file: file!, id: id!, label: Number(xmlText(a)) };
    });
    expect(entries.map((e) => e.label)).toEqual(Array.from({ length: 218 }, (_, i) => i + 1));
    const spans = spine.flatMap((d) =>
      xmlElements(xmlTree(d.html), 'span', having({ 'epub:type': 'pagebreak', role: 'doc-pagebreak' })).map((span) => {
        expect(span.children).toEqual([]);
        return { file: d.file, id: span.attributes.id!, label: Number(span.attributes['aria-label']) };
      }),
    );
    expect(spans).toEqual(entries.map((e) => ({ file: e.file, id: e.id, label: e.label })));
    const fileOfSitePath = (p: string) => (p === '/packages/' ? 'appendix.xhtml' : `${/^\/part-(\d+)\//.exec(p)![1]}`);
    expect(entries.map((e) => (e.file === 'appendix.xhtml' ? e.file : /^part-(\d+)\.xhtml$/.exec(e.file)![1]))).toEqual(
      pageLocations(plan).map((l) => fileOfSitePath(l.path)),
    );
  });

  it('has a 目录 of every 篇, 章 and section, and the 附表', () => {
    const [toc] = xmlElements(xmlTree(files['EPUB/nav.xhtml']!), 'nav', having({ 'epub:type': 'toc' }));
    const links = xmlElements(toc!, 'a');
    const labels = links.map(xmlText);
    const want = [
      plan.preface.title,
      ...plan.parts.flatMap((p) => [
        `${p.label} ${p.title}`,
        ...p.chapters.flatMap((c) => [`${c.label} ${c.title}`, ...c.sections.map((s) => s.label + s.title)]),
      ]),
      `${plan.appendix.label} ${plan.appendix.title}`,
    ];
    expect(labels.slice(0, want.length)).toEqual(want);
    for (const href of links.map((a) => a.attributes.href!).filter((h) => h.includes('#'))) {
      const [file, id] = href.split('#');
      expect(xmlElements(xmlTree(files[`EPUB/${file}`]!), '*', having({ id: id! })), href).toHaveLength(1);
    }
  });

  it('says what it is: title, language, issuer, date, source of the pages, version, accessibility', () => {
    const opf = xmlTree(files['EPUB/package.opf']!);
    const meta = (property: string) => xmlElements(opf, 'meta', having({ property })).map(xmlText);
    const dc = (name: string, attributes: Record<string, string> = {}) => xmlElements(opf, `dc:${name}`, having(attributes)).map(xmlText);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const sha = createHash('sha256').update(readFileSync(path.join(ROOT, 'content/source/beijing-14th-five-year-plan.txt'))).digest('hex');
    expect(dc('title', { id: 'pub-title' })).toEqual([plan.title]);
    expect(dc('language')).toEqual(['zh-CN']);
    expect(dc('creator', { id: 'issuer' })).toEqual(['北京市人民政府']);
    expect(dc('date')).toEqual(['2021-01-27']);
    expect(dc('source', { id: 'print-source' })).toEqual([expect.stringMatching(/印刷版（共218页）$/)]);
    expect(xmlElements(opf, 'meta', having({ property: 'source-of', refines: '#print-source' })).map(xmlText)).toEqual(['pagination']);
    expect(meta('schema:version')).toEqual([`${pkg.version}+${sha.slice(0, 8)}`]);
    expect(meta('dcterms:modified')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(meta('schema:accessMode')).toEqual(['textual']);
    expect(meta('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['printPageNumbers', 'tableOfContents', 'structuralNavigation']));
    expect(meta('schema:accessibilityHazard')).toEqual(['none']);
    expect(meta('schema:accessibilitySummary')[0]!.length).toBeGreaterThan(20);
    expect(meta('dcterms:conformsTo')).toEqual(['EPUB-A11Y-11_WCAG-21-AA']);
    expect(xmlElements(opf, 'item', having({ id: 'cover-image', href: 'cover.svg', 'media-type': 'image/svg+xml', properties: 'cover-image' }))).toHaveLength(1);
    expect(xmlElements(xmlTree(files['EPUB/cover.svg']!), 'title', having({ id: 'cover-title' })).map(xmlText)).toEqual([`封面：${plan.title}`]);
  });
});

describe('plain text and /downloads/', () => {
  it('serves the plain text built from the model', () => {
    const served = readFileSync(fileForPath(outDir, TEXT_PATH), 'utf8');
    expect(served).toBe(planPlainText(plan, { indicators, packages }));
  });

  it('lists each file with its true size, and is linked from /, /data/ and /about/', () => {
    const page = mainOf(readPage(outDir, DOWNLOADS_PATH));
    for (const url of [EPUB_PATH, TEXT_PATH]) {
      expect(attributeValues(page, 'href')).toContain(url);
    }
    const sizes = attributeValues(page, 'data-download-size').map(Number);
    expect(sizes).toEqual([EPUB_PATH, TEXT_PATH].map((url) => readFileSync(fileForPath(outDir, url)).length));
    for (const size of sizes) expect(visibleText(page)).toContain(`${size.toLocaleString('en-US')} 字节`);
    for (const url of [HOME_PATH, DATA_INDEX_PATH, ABOUT_PATH]) {
      expect(attributeValues(mainOf(readPage(outDir, url)), 'href'), url).toContain(DOWNLOADS_PATH);
    }
  });
});
