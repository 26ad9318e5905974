/** The term index of the real plan. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model.ts';
import { occurrencePath, quotedTermIndex, quotedTerms, termId, termInitial } from '../../src/site/terms/quoted-terms.ts';
import { planText } from '../../src/convert/plan-text.ts';
import { occurrenceLabel } from '../../src/site/terms/term-listings.ts';
import { plan } from '../helpers/real-plan.ts';

const terms = quotedTerms(plan);

/** The raw text of the column-interleaved tables, which the index leaves out. */
function tableTexts(p: Plan): string[] {
  const blocks = [
    ...p.parts.flatMap((part) => [...part.intro, ...part.chapters.flatMap((c) => [...c.intro, ...c.sections.flatMap((s) => s.blocks)])]),
    ...p.appendix.blocks,
  ];
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.raw.filter((x): x is string => typeof x === 'string').join('')] : []));
}
const byTerm = new Map(terms.map((t) => [t.term, t]));

describe('quoted terms', () => {
  it('finds the plan’s quoted names with their counts', () => {
    for (const t of ['“两区”', '“三城一区”', '“接诉即办”', '“七有”“五性”', '“七有”', '“四个中心”']) {
      expect(byTerm.has(t), t).toBe(true);
    }
    const text = planText(plan);
    // “三城一区” occurs in the tables too, which are not indexed here: count no more than the text holds.
    const inText = text.split('“三城一区”').length - 1;
    expect(byTerm.get('“三城一区”')!.count).toBeLessThanOrEqual(inText);
    expect(byTerm.get('“三城一区”')!.count).toBeGreaterThan(5);
  });

  it('counts each quote of a run for its single term too', () => {
    const runs = byTerm.get('“七有”“五性”')!.count;
    expect(byTerm.get('“七有”')!.count).toBeGreaterThanOrEqual(runs);
  });

  it('leaves out quoted sentences that occur once, and only those', () => {
    expect(byTerm.has('“建设一个什么样的首都，怎样建设首都”')).toBe(false);
    for (const t of terms) if (t.count === 1) expect(t.term).not.toMatch(/[，。；：！？]/);
  });

  it('never takes a term from the interleaved tables', () => {
    expect(terms.some((t) => t.term.includes('文化中两区'))).toBe(false);
  });

  it('groups by pinyin initial and sorts within', () => {
    expect(termInitial('“两区”')).toBe('L');
    expect(termInitial('“接诉即办”')).toBe('J');
    expect(termInitial('“1+1>2”')).toBe('#');
    // The whole term is read, so a character with several readings gets the one it has here.
    expect(termInitial('“卡脖子”')).toBe('Q');
    const initials = terms.map((t) => t.initial);
    expect(initials).toEqual([...initials].sort((a, b) => a.localeCompare(b)));
  });

  it('places occurrences in their section or box, with a text fragment', () => {
    const box = byTerm.get('“晒一晒”')!;
    expect(box.occurrences.every((o) => o.box === 8)).toBe(true);
    const o = byTerm.get('“接诉即办”')!.occurrences[0]!;
    expect(occurrencePath('“接诉即办”', o)).toMatch(/^\/(part-\d+\/(chapter-\d+\/)?)?#(section-\d+|box-\d+)?:~:text=.*%E2%80%9C%E6%8E%A5/);
  });
});

describe('term ids', () => {
  it('are term- and 12 hex digits of the SHA-256 of the term, unique in the index', () => {
    expect(termId('“两区”')).toBe(`term-${createHash('sha256').update('“两区”', 'utf8').digest('hex').slice(0, 12)}`);
    for (const t of terms) expect(t.id).toMatch(/^term-[0-9a-f]{12}$/);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  it('stay the same when a term is added to the plan', () => {
    const changed: Plan = structuredClone(plan);
    const first = changed.parts[0]!.chapters[0]!.intro.find((b) => b.kind === 'paragraph')!;
    if (first.kind !== 'paragraph') throw new Error('no paragraph');
    first.body = ['推进“阿尔法计划”。', ...first.body];
    const after = new Map(quotedTerms(changed).map((t) => [t.term, t.id]));
    expect(after.get('“阿尔法计划”')).toBe(termId('“阿尔法计划”'));
    for (const t of terms) expect(after.get(t.term), t.term).toBe(t.id);
  });
});

describe('omitted phrases', () => {
  const { omitted } = quotedTermIndex(plan);

  it('are exactly the quoted sentences that occur once, and each quoted phrase is indexed or omitted', () => {
    expect(omitted.length).toBeGreaterThan(0);
    for (const o of omitted) {
      expect(o.count).toBe(1);
      expect(o.term).toMatch(/[，。；：！？]/);
      expect(planText(plan).split(o.term).length - 1, o.term).toBeGreaterThanOrEqual(1);
    }
    const indexed = new Set([...terms.map((t) => t.term), ...omitted.map((o) => o.term)]);
    // Runs of adjacent quotes are terms, as is each quote of a run.
    const quotes = (text: string) => [...text.matchAll(/(?:“[^“”]+”)+/g)].flatMap((m) => [m[0], ...m[0].match(/“[^“”]+”/g)!]);
    const tables = tableTexts(plan).flatMap(quotes);
    const missing = quotes(planText(plan)).filter((q) => !indexed.has(q) && !tables.includes(q));
    expect(missing).toEqual([]);
  });
});

describe('occurrence links', () => {
  it('link an occurrence in a heading by its anchor, and every other one by a text fragment', () => {
    let headings = 0;
    for (const t of terms) {
      for (const o of t.occurrences) {
        const path = occurrencePath(t.term, o);
        if (o.heading) {
          headings++;
          expect(o.fragment).toBe(false);
          expect(path).not.toContain(':~:');
        } else {
          expect(o.fragment, `${t.term} ${path}`).toBe(true);
          expect(path).toContain(':~:text=');
        }
      }
    }
    expect(headings).toBeGreaterThan(0);
  });
});

describe('occurrence labels', () => {
  it('name the box, section, 章 or 篇 an occurrence stands in, as /terms/ lists it', () => {
    const kinds = new Set<string>();
    for (const t of terms) {
      for (const o of t.occurrences) {
        const label = occurrenceLabel(plan, o);
        if (o.part === null) {
          expect(label).toBe(plan.preface.title);
          continue;
        }
        const part = plan.parts[o.part - 1]!;
        const chapter = o.chapter === null ? null : part.chapters[o.chapter - 1]!;
        const box = chapter && [...chapter.intro, ...chapter.sections.flatMap((s) => s.blocks)].find((b) => b.kind === 'box' && b.n === o.box);
        const section = chapter && o.section !== null ? chapter.sections[o.section - 1]! : null;
        const expected =
          box?.kind === 'box'
            ? (kinds.add('box'), `${box.label} ${box.title}`)
            : section
              ? (kinds.add('section'), `${part.label} ${chapter!.label} ${section.label}${section.title}`)
              : chapter
                ? (kinds.add('chapter'), `${part.label} ${chapter.label} ${chapter.title}`)
                : (kinds.add('part'), `${part.label} ${part.title}`);
        expect(label, `${t.term} ${JSON.stringify(o)}`).toBe(expected);
      }
    }
    expect([...kinds].sort()).toEqual(['box', 'chapter', 'part', 'section']);
  });
});
