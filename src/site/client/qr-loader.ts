/**
 * Loads the QR code module (qr-svg.ts and the `qrcode` library, about 10 KB
 * gzip) on first use, once, and hands it out synchronously afterwards.
 */
type QrModule = typeof import('./qr-svg');

let loading: Promise<QrModule> | null = null;
let loaded: QrModule | null = null;

/** The module, downloading it the first time. */
export function loadQr(): Promise<QrModule> {
  loading ??= import('./qr-svg').then((module) => (loaded = module));
  return loading;
}

/** The module if it has been loaded already, else null. */
export function loadedQr(): QrModule | null {
  return loaded;
}
