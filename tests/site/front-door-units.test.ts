/**
 * The pure pieces of the home page and the way through: meta descriptions,
 * the plan at a glance, the printed-page jump, and the class of `——` lists.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { firstSentence, pageDescription, sentences } from '../../src/site/plan/page-descriptions';
import { planGlance } from '../../src/site/plan/plan-glance';
import { lastPage } from '../../src/convert/printed-pages';
import { parsePageNumber } from '../../src/site/client/page-jump';
import rehypeTargetLists from '../../src/site/integrations/rehype-target-lists';
import { chapterText } from '../../src/convert/plan-text';
import { plan as realPlan } from '../helpers/real-plan';
import { linkPackageItems, packageLinksDataSchema } from '../../src/reviewed/package-links';
import { readPackagesTable } from '../../src/reviewed/read-curated-fs';



describe('page descriptions', () => {
  it('cut text into sentences with their closing punctuation', () => {
    expect(sentences('甲乙。丙“丁。”戊！')).toEqual(['甲乙。', '丙“丁。”', '戊！']);
  });
  it('take the first sentence, the next too while it is short, and cut a long one', () => {
    expect(firstSentence('坚持创新驱动发展。把创新摆在现代化建设全局中的核心地位，深入实施创新驱动发展战略。后面。')).toBe(
      '坚持创新驱动发展。把创新摆在现代化建设全局中的核心地位，深入实施创新驱动发展战略。',
    );
    const long = firstSentence(`${'很长'.repeat(100)}。`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });
  it('are the plan\'s own first sentence on / and on every 章, and all differ', () => {
    const plan = realPlan;
    const home = pageDescription(plan, { kind: 'title-block' })!;
    expect(home.startsWith('“十四五”时期是我国全面建成小康社会')).toBe(true);
    const all = [
      home,
      pageDescription(plan, { kind: 'appendix' })!,
      ...plan.parts.flatMap((p) => [
        pageDescription(plan, { kind: 'part', part: p.n })!,
        ...p.chapters.map((c) => pageDescription(plan, { kind: 'chapter', part: p.n, chapter: c.n })!),
      ]),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(pageDescription(plan, { kind: 'terms' })).toBeNull();
  });
});

describe('the plan at a glance', () => {
  it('measures every chapter by its text, places the 10 boxes and the discussed project items', () => {
    const plan = realPlan;
    const data = packageLinksDataSchema.parse(JSON.parse(readFileSync('content/data/package-links.json', 'utf8')));
    const linked = linkPackageItems(plan, readPackagesTable(), data);
    const glance = planGlance(plan, linked);
    expect(glance.parts).toHaveLength(14);
    expect(glance.chapters).toBe(54);
    expect(glance.boxes).toBe(10);
    expect(glance.items.total).toBe(100);
    expect(glance.items.discussed).toBe(linked.flatMap((p) => p.items).filter((i) => i.places.length > 0).length);
    expect(glance.items.places).toBe(linked.flatMap((p) => p.items).reduce((n, i) => n + i.places.length, 0));
    for (const [pi, part] of glance.parts.entries()) {
      for (const [ci, chapter] of part.chapters.entries()) {
        expect(chapter.length).toBe(chapterText(plan.parts[pi]!.chapters[ci]!).length);
        for (const mark of [...chapter.boxes, ...chapter.items]) {
          expect(mark.start).toBeGreaterThanOrEqual(0);
          expect(mark.start + mark.length).toBeLessThanOrEqual(chapter.length);
        }
      }
      expect(part.length).toBe(part.lead + part.chapters.reduce((n, c) => n + c.length, 0));
    }
    expect(glance.longestPart).toBe(Math.max(...glance.parts.map((p) => p.length)));
  });
});

describe('the printed-page jump', () => {
  it('counts the printed pages from the model', () => {
    expect(lastPage(realPlan)).toBe(218);
  });
  it('accepts a page of the plan, full-width digits too, and says why it refuses the rest', () => {
    expect(parsePageNumber(' 56 ', 1, 218)).toEqual({ page: 56 });
    expect(parsePageNumber('２１８', 1, 218)).toEqual({ page: 218 });
    expect(parsePageNumber('0', 1, 218)).toEqual({ error: '印刷版共218页，请输入1–218之间的页码。' });
    expect(parsePageNumber('219', 1, 218)).toHaveProperty('error');
    expect(parsePageNumber('5.5', 1, 218)).toEqual({ error: '“5.5”不是页码，请输入1–218之间的数字。' });
    expect(parsePageNumber('', 1, 218)).toEqual({ error: '请输入页码（1–218）。' });
  });
});

describe('rehypeTargetLists', () => {
  const li = (text: string): Element => ({ type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: text }] });
  const ul = (...items: Element[]): Element => ({ type: 'element', tagName: 'ul', properties: {}, children: items });
  it('marks a list whose every line opens with ——, and no other', () => {
    const targets = ul(li('——甲。'), li('——乙。'));
    const mixed = ul(li('——甲。'), li('乙。'));
    const tree: Root = { type: 'root', children: [targets, mixed] };
    rehypeTargetLists()(tree);
    expect(targets.properties.className).toEqual(['plan-targets']);
    expect(mixed.properties.className).toBeUndefined();
    expect((targets.children[0] as Element).children).toEqual([{ type: 'text', value: '——甲。' }]);
  });
});
