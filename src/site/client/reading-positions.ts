/**
 * Where the reader was in each chapter, remembered on this device only (one
 * localStorage entry; nothing is sent anywhere): per chapter page, the
 * nearest section heading above the reading line, or the chapter's start.
 * Written by reading-position.ts on chapter pages, read by
 * continue-reading.ts on the home page (which link it shows:
 * continue-reading-link.ts, kept apart so that the code every chapter page
 * loads does not carry it).
 */
import { isChapterPath } from '../site-paths';

/** The localStorage key. */
export const READING_POSITIONS_KEY = 'gangyao:reading-positions';

/** The remembered place in one chapter. */
export interface ReadingPosition {
  /** The chapter page's path as served, with the deployment base (`/part-7/chapter-4/`). */
  path: string;
  /** The nearest section above the reading line (`section-2`), or null at the chapter's start. */
  anchor: string | null;
  /** The chapter, as the home page names it: `第七篇第四章`. */
  place: string;
  /** The section's numbering and title (`二、全面提升金融业核心竞争力`), or null. */
  section: string | null;
  /** When it was written (ms since the epoch). */
  at: number;
}

/** A same-origin path: `/`, then non-empty segments (no `//host`, no backslash). */
const SITE_PATH = /^\/(?:[^/?#\\]+\/)*$/;
const SECTION_ANCHOR = /^section-\d+$/;

/** Whether `value` is a well-formed position (storage can hold anything another script or an old version wrote). */
function isPosition(value: unknown): value is ReadingPosition {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.path === 'string' && SITE_PATH.test(p.path) && isChapterPath(p.path.slice(p.path.lastIndexOf('/part-'))) &&
    (p.anchor === null || (typeof p.anchor === 'string' && SECTION_ANCHOR.test(p.anchor))) &&
    typeof p.place === 'string' && p.place.length > 0 && p.place.length <= 40 &&
    (p.section === null || (typeof p.section === 'string' && p.section.length <= 200)) &&
    typeof p.at === 'number' && Number.isFinite(p.at)
  );
}

/** Every well-formed remembered position; none when storage is unavailable or holds something else. */
export function readPositions(storage: Pick<Storage, 'getItem'> = localStorage): ReadingPosition[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(READING_POSITIONS_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return [];
    return Object.values(raw).filter(isPosition);
  } catch {
    return [];
  }
}

/** Remembers `position` for its chapter (replacing that chapter's previous one). */
export function rememberPosition(position: ReadingPosition, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  if (!isPosition(position)) return;
  const byPath = Object.fromEntries(readPositions(storage).map((p) => [p.path, p]));
  byPath[position.path] = position;
  try {
    storage.setItem(READING_POSITIONS_KEY, JSON.stringify(byPath));
  } catch {
    // Storage full or disabled: the place is simply not remembered.
  }
}
