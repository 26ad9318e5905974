/**
 * Each page's meta description: the first sentence of the text it shows, so
 * that a search engine or a shared link shows what the page says rather than
 * the same title on every page. A very short first sentence (a bold lead
 * such as `坚持创新驱动发展。`) is followed by the next until the description
 * says something; a long one is cut with `…`. A 篇 page without an
 * introduction shows the list of its chapters, and says so. Pure.
 */
import type { Plan } from '../../convert/model';
import { blocksText } from '../../convert/plan-text';
import { findChapter, findPart, navLabel, type PlanPageRef } from './plan-nav';

/** Descriptions shorter than this take the next sentence too. */
const MIN_CHARS = 24;
/** Longer descriptions are cut here (search engines show about this much Chinese text). */
const MAX_CHARS = 120;

/** Sentences of a text, each with its closing punctuation (and a closing quote after it). */
export function sentences(text: string): string[] {
  return text.match(/[^。！？]+(?:[。！？]+[”’」』）]*|$)/g)?.filter((s) => s.trim().length > 0) ?? [];
}

/** The first sentence of `text`, lengthened while shorter than MIN_CHARS and cut at MAX_CHARS. */
export function firstSentence(text: string): string {
  let out = '';
  for (const sentence of sentences(text)) {
    out += sentence;
    if (out.length >= MIN_CHARS) break;
  }
  return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS - 1)}…` : out;
}

/**
 * The description of a page that shows the plan's text (a 篇, a 章, the
 * 附表, or `/` with the 序言); null for the other pages, which describe
 * themselves.
 */
export function pageDescription(plan: Plan, ref: PlanPageRef): string | null {
  switch (ref.kind) {
    case 'title-block':
      return firstSentence(blocksText(plan.preface.blocks));
    case 'part': {
      const part = findPart(plan, ref.part);
      if (part.intro.length > 0) return firstSentence(blocksText(part.intro));
      return `${navLabel(part)}，共${part.chapters.length}章：${part.chapters.map(navLabel).join('；')}`;
    }
    case 'chapter': {
      const { chapter } = findChapter(plan, ref.part, ref.chapter);
      const first = chapter.intro.length > 0 ? chapter.intro : (chapter.sections[0]?.blocks ?? []);
      return firstSentence(blocksText(first));
    }
    case 'appendix':
      return `${navLabel(plan.appendix)}：各重大工程包的名称、建设目标和主要内容`;
    default:
      return null;
  }
}
