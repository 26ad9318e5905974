/**
 * Cross-links between the main text and the 专栏 boxes: where the text of a
 * page (outside the boxes) names a box's program — by its full title, or by a
 * reviewed short form from `content/data/box-mentions.json` — the words become
 * a link to `#box-N`, and the box learns the ids of its mentions so it can
 * link back to each.
 *
 * A tree transform over the mdast of one generated page: text nodes are only
 * split, never rewritten, so the characters of the page stay the plan's.
 * Pure: no I/O; the input tree is left untouched.
 */
import type { Root, RootContent, PhrasingContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { BoxMentionsData } from '../reviewed/box-mentions.ts';
import { boxId, boxMentionId } from '../site/site-paths.ts';

/** A phrase that, in running text outside the boxes, names the program of box `box`. */
export interface BoxMentionRule {
  box: number;
  phrase: string;
}

/** The rules for a plan: each box's full title, then the reviewed short forms. */
export function boxMentionRules(boxes: readonly { n: number; title: string }[], data: BoxMentionsData): BoxMentionRule[] {
  const known = new Set(boxes.map((b) => b.n));
  for (const s of data.shortForms) {
    if (!known.has(s.box)) throw new Error(`box-mentions: short form “${s.phrase}” names 专栏${s.box}, which the plan does not have`);
  }
  return [...boxes.map((b) => ({ box: b.n, phrase: b.title })), ...data.shortForms.map((s) => ({ box: s.box, phrase: s.phrase }))];
}

/** Name of the attribute of `<Box>` that lists the ids of its mentions, space-separated. */
export const MENTIONS_ATTRIBUTE = 'mentions';

type Parent = { children: RootContent[] };

const attr = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

function attributeOf(node: RootContent, name: string): string | null {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return null;
  const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : null;
}

const isBox = (node: RootContent): boolean => node.type === 'mdxJsxFlowElement' && node.name === 'Box';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Links the mentions of the boxes on this page. Only boxes present on the
 * page are linked to (the link is a same-page `#box-N`); text inside a box,
 * a heading or an existing link is left alone. Where phrases overlap the
 * longest wins (`产业雁阵培育计划` before `雁阵培育计划`). Each mention gets the
 * id `box-N-mention-K`, and its box the attribute `mentions="…"` listing them.
 */
export function linkBoxMentions(tree: Root, rules: readonly BoxMentionRule[]): Root {
  const out = structuredClone(tree);
  const boxes = new Map<number, RootContent>();
  const findBoxes = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (isBox(node)) boxes.set(Number(attributeOf(node, 'n')), node);
      else if ('children' in node) findBoxes(node.children as RootContent[]);
    }
  };
  findBoxes(out.children);
  const active = rules.filter((r) => boxes.has(r.box)).sort((a, b) => b.phrase.length - a.phrase.length);
  if (active.length === 0) return out;
  const boxOf = new Map(active.map((r) => [r.phrase, r.box]));
  const pattern = new RegExp(active.map((r) => escapeRegExp(r.phrase)).join('|'), 'gu');
  const mentions = new Map<number, string[]>();

  const split = (text: Text): PhrasingContent[] => {
    const pieces: PhrasingContent[] = [];
    let at = 0;
    for (const match of text.value.matchAll(pattern)) {
      const box = boxOf.get(match[0])!;
      const ids = mentions.get(box) ?? [];
      const id = boxMentionId(box, ids.length + 1);
      mentions.set(box, [...ids, id]);
      if (match.index > at) pieces.push({ type: 'text', value: text.value.slice(at, match.index) });
      const link: MdxJsxTextElement = {
        type: 'mdxJsxTextElement',
        name: 'a',
        attributes: [attr('href', `#${boxId(box)}`), attr('id', id), attr('class', 'box-mention')],
        children: [{ type: 'text', value: match[0] }],
      };
      pieces.push(link);
      at = match.index + match[0].length;
    }
    if (pieces.length === 0) return [text];
    if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
    return pieces;
  };

  const walk = (parent: Parent) => {
    parent.children = parent.children.flatMap((node) => {
      if (node.type === 'text') return split(node) as RootContent[];
      if (isBox(node) || node.type === 'heading' || ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a')) {
        return [node];
      }
      if ('children' in node) walk(node as Parent);
      return [node];
    });
  };
  walk(out);

  for (const [box, ids] of mentions) {
    const node = boxes.get(box)!;
    if (node.type === 'mdxJsxFlowElement') node.attributes.push(attr(MENTIONS_ATTRIBUTE, ids.join(' ')));
  }
  return out;
}
