import { SourceError } from './errors.ts';

/**
 * Decodes the raw plan file. UTF-8 only: a byte-order mark is dropped and CRLF
 * line ends become LF (both are harmless re-encodings of the same text), but
 * any byte sequence that is not UTF-8 (a GBK copy, say) is an error naming the
 * line, because guessing an encoding could silently change characters.
 */
export function decodeSource(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SourceError(1, 'the file is empty; expected the text of the plan');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    if (bytes.length - at < 4 && bytes[at]! >= 0xc2) {
      throw new SourceError(line, 'the file ends in the middle of a character; is it truncated?');
    }
    throw new SourceError(
      line,
      `byte ${at} is not valid UTF-8; expected a UTF-8 file (a GBK or GB18030 copy must be converted, e.g. iconv -f GB18030 -t UTF-8)`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n/g, '\n');
  if (text.trim() === '') throw new SourceError(1, 'the file has no text; expected the text of the plan');
  return text;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
