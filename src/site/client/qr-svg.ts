/**
 * A QR code as an SVG string, by the `qrcode` library (no encoder of ours).
 * Loaded on first use only (see qr-loader.ts): a reader who never cites or
 * prints never downloads it.
 *
 * Error correction M (15 %), four modules of quiet zone, black on white
 * whatever the theme: scanners read dark modules on a light ground.
 */
import QRCode from 'qrcode';

/**
 * The SVG markup (`<svg … viewBox="0 0 N N">`) of a QR code holding `text`;
 * `width` (CSS pixels) sets its intrinsic size. Synchronous — the library
 * calls back before it returns — so a `beforeprint` handler can use it.
 */
export function qrSvg(text: string, width?: number): string {
  let svg: string | null = null;
  let failure: unknown = null;
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width, color: { dark: '#000000', light: '#ffffff' } }, (error, out) => {
    failure = error;
    svg = out;
  });
  if (svg === null) throw failure ?? new Error('qrcode gave no SVG');
  return svg;
}
