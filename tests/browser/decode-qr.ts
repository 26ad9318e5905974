/**
 * Reads a QR code back from a picture with jsQR, a decoder independent of
 * the `qrcode` library that drew it: the picture is a PNG (a Chromium
 * screenshot, or a PDF sheet rasterised by poppler's pdftoppm).
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in `png`, or null when none is found. `rows` limits the search to a band (fractions of the height). */
export function decodeQrPng(png: Buffer, rows: { from: number; to: number } = { from: 0, to: 1 }): string | null {
  const image = PNG.sync.read(png);
  const top = Math.floor(image.height * rows.from);
  const bottom = Math.ceil(image.height * rows.to);
  const band = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset + top * image.width * 4, (bottom - top) * image.width * 4);
  return jsQR(band, image.width, bottom - top)?.data ?? null;
}
