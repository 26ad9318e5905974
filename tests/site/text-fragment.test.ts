/**
 * Text fragments: directives of whole words that single out the passage meant
 * (the first match in the page is the passage), encoding, and the anchor
 * fallback for browsers without text fragments.
 */
import { describe, expect, it } from 'vitest';
import {
  chooseTextDirective,
  encodeDirectivePiece,
  firstMatch,
  formatTextDirective,
  fragmentFallbackId,
  wordBoundaries,
} from '../../src/site/cite/text-fragment';

const blocks = [
  '坚持以首都发展为统领，推动“两区”建设取得突破性进展，加快建设国际科技创新中心。',
  '深化“两区”政策创新，全面落实新发展理念。',
  '加快建设国际科技创新中心。',
];
const spotOf = (block: number, text: string, from = 0) => {
  const start = blocks[block]!.indexOf(text, from);
  if (start < 0) throw new Error(`${text} not in block ${block}`);
  return { startBlock: block, start, endBlock: block, end: start + text.length };
};

describe('chooseTextDirective', () => {
  it('quotes a passage that occurs once as it is', () => {
    expect(chooseTextDirective(blocks, spotOf(0, '推动“两区”建设'))).toEqual({ prefix: '', start: '推动“两区”建设', end: '', suffix: '' });
  });

  it('adds context words until the first match is the passage meant', () => {
    const second = chooseTextDirective(blocks, spotOf(1, '“两区”'))!;
    expect(second.prefix + second.start + second.suffix).not.toBe('“两区”');
    expect(firstMatch(blocks, second)).toEqual(spotOf(1, '“两区”'));
    // The first occurrence needs none: a browser takes the first match.
    expect(chooseTextDirective(blocks, spotOf(0, '“两区”'))).toEqual({ prefix: '', start: '“两区”', end: '', suffix: '' });
    const repeated = chooseTextDirective(blocks, spotOf(1, '创新'))!;
    expect(repeated).toEqual({ prefix: '政策', start: '创新', end: '', suffix: '' });
    expect(firstMatch(blocks, repeated)).toEqual(spotOf(1, '创新'));
  });

  it('widens a selection that starts or ends inside a word to whole words', () => {
    // 究、应用研 would start and end inside words: browsers reject such a match.
    const text = '推动基础研究、应用研究与技术创新对接融通。';
    const d = chooseTextDirective([text], { startBlock: 0, start: 5, endBlock: 0, end: 10 })!;
    const bounds = wordBoundaries(text);
    const start = text.indexOf(d.start);
    expect(bounds).toContain(start);
    expect(bounds).toContain(start + d.start.length);
    expect(d.start).toContain('究、应用研');
  });

  it('gives a long passage, or one across blocks, by its first and last words', () => {
    const long = chooseTextDirective(blocks, { startBlock: 0, start: 0, endBlock: 1, end: blocks[1]!.length })!;
    expect(long.end).not.toBe('');
    expect(blocks[0]!.startsWith(long.start)).toBe(true);
    expect(blocks[1]!.endsWith(long.end)).toBe(true);
    expect(firstMatch(blocks, long)).toEqual({ startBlock: 0, start: 0, endBlock: 1, end: blocks[1]!.length });
  });

  it('gives up when no context within reach singles the passage out', () => {
    expect(chooseTextDirective(['同一句。', '同一句。'], { startBlock: 1, start: 0, endBlock: 1, end: 4 })).toBeNull();
    // The whole of block 2 ends block 0 too, which a browser searches first.
    expect(chooseTextDirective(blocks, spotOf(2, '加快建设国际科技创新中心'))).toBeNull();
  });
});

describe('formatting', () => {
  it('percent-encodes the pieces, and the characters with meaning in a directive', () => {
    expect(encodeDirectivePiece('1+1-2,3&4')).toBe('1%2B1%2D2%2C3%264');
    expect(formatTextDirective({ prefix: '深化', start: '“两区”', end: '', suffix: '政策' })).toBe(
      `text=${encodeURIComponent('深化')}-,${encodeURIComponent('“两区”')},-${encodeURIComponent('政策')}`,
    );
    expect(formatTextDirective({ prefix: '', start: '甲', end: '乙', suffix: '' })).toBe(`text=${encodeURIComponent('甲')},${encodeURIComponent('乙')}`);
  });

  it('finds the anchor before a directive for browsers without text fragments', () => {
    expect(fragmentFallbackId('#section-3:~:text=%E4%B8%A4')).toBe('section-3');
    expect(fragmentFallbackId('#box-7:~:text=a')).toBe('box-7');
    expect(fragmentFallbackId('#:~:text=a')).toBeNull();
    expect(fragmentFallbackId('#section-3')).toBeNull();
  });
});
