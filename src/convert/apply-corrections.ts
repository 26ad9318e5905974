import type { Correction } from '../reviewed/corrections.ts';
import { SourceError } from './errors.ts';


/**
 * Applies the reviewed corrections to the source text, line by line. A
 * correction whose raw text is not on its line exactly once is an error: the
 * source changed and the correction must be reviewed again, not silently
 * dropped or applied somewhere else.
 */
export function applyCorrections(text: string, corrections: Correction[]): string {
  const lines = text.split('\n');
  for (const c of corrections) {
    const line = lines[c.line - 1];
    const count = line === undefined ? 0 : line.split(c.raw).length - 1;
    if (count !== 1) {
      throw new SourceError(
        c.line,
        `correction no longer matches: expected “${c.raw}” exactly once on this line, found it ${count} times (review content/corrections.json)`,
      );
    }
    lines[c.line - 1] = line!.replace(c.raw, () => c.corrected);
  }
  return lines.join('\n');
}
