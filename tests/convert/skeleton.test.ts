/** The skeleton of the model against the table of contents of the real plan. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/convert/errors.ts';
import { parseToc, type TocPart } from '../../src/convert/parse-toc.ts';
import { applyCorrections } from '../../src/convert/apply-corrections.ts';
import { blocksText, planText } from '../../src/convert/plan-text.ts';
import { corrections, plan, report, sourceText } from '../helpers/real-plan.ts';

const toc = parseToc(sourceText, sourceText.indexOf('目录'), new LineIndex(sourceText));

describe('skeleton', () => {
  it('has the title block and the 序言', () => {
    expect(plan.title).toBe('北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(plan.approval).toBe('2021年1月27日北京市第十五届人民代表大会第四次会议批准');
    expect(plan.preface.title).toBe('序言');
    // Title, approval and 序言 hold exactly the text before the 目录 (line breaks dropped).
    const front = plan.title + plan.approval + plan.preface.title + blocksText(plan.preface.blocks, { footers: true });
    expect(front).toBe(applyCorrections(sourceText, corrections).slice(0, report.toc.start).replace(/\n/g, ''));
    expect(front).toContain('序言“十四五”时期是我国全面建成小康社会');
  });

  it('has 14 篇, 54 章 and 163 numbered sections, as the table of contents lists them', () => {
    // Counted in the raw 目录 by its entries' shape (numbering, title, dotted leader), not by the parser.
    const tocText = sourceText.slice(sourceText.indexOf('目录'), report.toc.end);
    const entries = (numbering: string) => tocText.match(new RegExp(`${numbering}[^.\\n]+?\\.{2,}`, 'g'))?.length;
    const numeral = '[一二三四五六七八九十]+';
    expect([entries(`第${numeral}篇`), entries(`第${numeral}章`), entries(`(?<!第)${numeral}、`)]).toEqual([14, 54, 163]);
    expect(plan.parts).toHaveLength(14);
    expect(plan.parts.flatMap((p) => p.chapters)).toHaveLength(54);
    expect(plan.parts.flatMap((p) => p.chapters.flatMap((c) => c.sections))).toHaveLength(163);
    expect(report).toMatchObject({ parts: 14, chapters: 54, sections: 163, pageFooters: 218 });
  });

  it('takes every label, title and page from the table of contents, in its order', () => {
    const outline = (parts: readonly TocPart[] | typeof plan.parts) =>
      parts.map((p) => ({
        label: p.label,
        title: p.title,
        page: p.page,
        chapters: p.chapters.map((c) => ({
          label: c.label,
          title: c.title,
          page: c.page,
          sections: c.sections.map((s) => ({ label: s.label, title: s.title, page: s.page })),
        })),
      }));
    const fromModel = outline(plan.parts);
    const fromToc = outline(toc.parts);
    expect(fromModel).toEqual(fromToc);
    expect(plan.parts[4]!.chapters[1]!.title).toBe('加快建设“三城一区”主平台和中关村示范区主阵地');
    expect(plan.appendix).toMatchObject({ label: '附表', title: '“十四五”时期重大工程包', page: 216 });
  });

  it('reads the TOC page footers 1–12 apart from the page numbers they are glued to', () => {
    expect(toc.footers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(toc.parts[2]).toMatchObject({ label: '第三篇', page: 21 }); // `211第一章`: page 21, footer 1
    expect(toc.parts[3]!.chapters[1]!.page).toBe(38); // `382一、`: page 38, footer 2
    expect(toc.appendix.page).toBe(216); // `21612`: page 216, footer 12
  });

  it('numbers parts, chapters and sections 1, 2, … within their parent', () => {
    plan.parts.forEach((p, i) => {
      expect(p.n).toBe(i + 1);
      p.chapters.forEach((c, j) => {
        expect(c.n).toBe(j + 1);
        c.sections.forEach((s, k) => expect(s.n).toBe(k + 1));
      });
    });
  });

  it('puts each of the 232 headings on the printed page the table of contents gives', () => {
    // A heading opens page 1 + the number of footers read before it.
    const marked = planText(plan, { footer: (n) => `\u0000${n}\u0001` });
    const headings = [
      ...plan.parts.flatMap((p) => [
        p,
        ...p.chapters.flatMap((c) => [c, ...c.sections]),
      ]),
      plan.appendix,
    ];
    let cursor = 0;
    const pages = headings.map((h) => {
      const at = marked.indexOf(h.label + h.title, cursor);
      expect(at).toBeGreaterThanOrEqual(cursor);
      cursor = at + 1;
      return (marked.slice(0, at).match(/\u0000\d+\u0001/g) ?? []).length + 1;
    });
    expect(headings).toHaveLength(232);
    expect(pages).toEqual(headings.map((h) => h.page));
  });
});
