/**
 * The EPUB's cover, drawn at build time as SVG from the model: the plan's
 * title broken into balanced lines at word boundaries (Intl.Segmenter's
 * Chinese words, so no word is cut), the approval line and the issuer. Text
 * in the SVG is real text, so the cover also reads aloud. Pure.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';

const WIDTH = 1200;
const HEIGHT = 1600;
/** The site's theme colour (the web app manifest's). */
const RED = '#b3261e';
const PAPER = '#fffaf0';
const FONTS = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif";

/**
 * `text` in lines of at most `max` characters, broken only between words,
 * as even as possible (least sum of squared slack; a word longer than `max`
 * stands alone).
 */
export function balancedLines(text: string, max: number): string[] {
  const words = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].map((w) => w.segment);
  const n = words.length;
  const width = (i: number, j: number) => words.slice(i, j).join('').length;
  // best[i]: cost of laying out words[i..] and where its first line ends.
  const best: { cost: number; end: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, end: n }));
  best[n] = { cost: 0, end: n };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= n; j++) {
      const w = width(i, j);
      if (w > max && j > i + 1) break;
      const cost = (max - Math.min(w, max)) ** 2 + best[j]!.cost;
      if (cost < best[i]!.cost) best[i] = { cost, end: j };
    }
  }
  const lines: string[] = [];
  for (let i = 0; i < n; i = best[i]!.end) lines.push(words.slice(i, best[i]!.end).join(''));
  return lines;
}

/** Text lines centred horizontally, the first baseline at `y`. */
function lines(texts: string[], y: number, size: number, fill: string, weight = 'normal'): Element[] {
  return texts.map((text, i) =>
    s('text', { x: WIDTH / 2, y: y + i * size * 1.45, 'font-size': size, 'font-weight': weight, fill, 'text-anchor': 'middle' }, text),
  );
}

/** The cover image. */
export function coverSvg(title: string, approval: string, issuer: string): Element {
  const titleLines = balancedLines(title, 12);
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      'aria-labelledby': 'cover-title',
      'font-family': FONTS,
    },
    [
      s('title#cover-title', `封面：${title}`),
      s('rect', { width: WIDTH, height: HEIGHT, fill: PAPER }),
      s('rect', { width: WIDTH, height: 520, fill: RED }),
      ...lines(titleLines, 200, 80, PAPER, 'bold'),
      s('rect', { x: 150, y: 700, width: WIDTH - 300, height: 6, fill: RED }),
      ...lines([approval], 820, 36, '#222222'),
      ...lines([issuer], 1420, 56, RED, 'bold'),
    ],
  );
}
