const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The character class of the numerals used in the plan's headings. */
export const NUMERAL_CHARS = '一二三四五六七八九十';

/**
 * Value of a Chinese numeral from 1 to 99 as the plan writes them
 * (`一`, `十`, `十四`, `二十三`); null for anything else.
 */
export function parseChineseNumeral(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS[a]! : null;
  return (a ? DIGITS[a]! : 1) * 10 + (b ? DIGITS[b]! : 0);
}
