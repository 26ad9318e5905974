/**
 * An error in the input text, located by its 1-based line in the source file
 * (null when it concerns the file as a whole). The message says what was
 * expected, so that a reader can find and fix the line.
 */
export class SourceError extends Error {
  /** 1-based line of the source file the error concerns, or null. */
  readonly line: number | null;

  constructor(line: number | null, reason: string) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'SourceError';
    this.line = line;
  }
}

/**
 * Maps character offsets of a text to 1-based line numbers, so that stages
 * working on offsets can report lines.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  /** 1-based line holding the character at `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
