/**
 * The reader's text size as remembered on this device: one localStorage
 * entry, read before the first paint by src/site/before-paint/before-paint.js (which must
 * agree: tests/site/reading-size.test.ts) and written by the header control
 * (reading-size.ts).
 */

/** The localStorage entry holding the reader's size. */
export const READING_SIZE_KEY = 'gangyao:reading-size';
/** The sizes, smallest first. */
export const READING_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
/** The size of a reader who chose none; never stored. */
export const DEFAULT_READING_SIZE = 'medium';
