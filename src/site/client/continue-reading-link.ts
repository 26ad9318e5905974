/**
 * The home page's 继续阅读 link (continue-reading.ts): which remembered
 * position it leads to, its address and its words. Apart from
 * reading-positions.ts, which every chapter page's script loads to remember
 * the place, so that this code is only in the home page's (issue 13).
 */
import { isChapterPath } from '../site-paths';
import type { ReadingPosition } from './reading-positions';

/** The most recent position on the site deployed at `base` (`/`, `/plan/`), or null. */
export function latestPosition(positions: readonly ReadingPosition[], base: string): ReadingPosition | null {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const mine = positions.filter((p) => p.path.startsWith(prefix) && isChapterPath(p.path.slice(prefix.length - 1)));
  return mine.reduce<ReadingPosition | null>((latest, p) => (latest === null || p.at > latest.at ? p : latest), null);
}

/** The link of a position: its page and section. */
export function positionHref(position: ReadingPosition): string {
  return position.anchor === null ? position.path : `${position.path}#${position.anchor}`;
}

/** The words of the home page's link: `继续阅读：第七篇第四章 二、全面提升金融业核心竞争力`. */
export function continueReadingText(position: ReadingPosition): string {
  return `继续阅读：${position.place}${position.section === null ? '' : ` ${position.section}`}`;
}
