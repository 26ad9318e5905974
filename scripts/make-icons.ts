/**
 * `npx tsx scripts/make-icons.ts`: draws the web app icons in public/icons/
 * from public/favicon.svg with Debian's Chromium, so the PNGs can be redrawn
 * whenever the favicon changes. The maskable icon fills the whole square (the
 * launcher cuts its own shape) and keeps the mark inside the central 80 %
 * safe zone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { launchChromium } from './chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const svg = fromHtml(readFileSync(path.join(ROOT, 'public/favicon.svg'), 'utf8'), { fragment: true }).children.find(
  (node): node is Element => node.type === 'element' && node.tagName === 'svg',
);
if (!svg) throw new Error('public/favicon.svg holds no <svg>');
const favicon: Element = svg;

/** The favicon drawn `size` pixels square; `bare`: without its background, the first <rect>. */
function mark(size: number, bare: boolean): string {
  const rect = favicon.children.findIndex((node) => node.type === 'element' && node.tagName === 'rect');
  const children = bare ? favicon.children.filter((_, i) => i !== rect) : favicon.children;
  return toHtml({ ...favicon, properties: { width: size, height: size, ...favicon.properties }, children });
}

const plain = (size: number) => `<body style="margin:0;background:transparent">${mark(size, false)}</body>`;
const maskable = (size: number) =>
  `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:#b3261e">${mark(Math.round(size * 0.7), true)}</body>`;

const browser = await launchChromium();
try {
  for (const [name, size, html] of [
    ['icon-192.png', 192, plain(192)],
    ['icon-512.png', 512, plain(512)],
    ['icon-maskable-512.png', 512, maskable(512)],
    ['apple-touch-icon.png', 180, maskable(180)],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(html);
    await page.screenshot({ path: path.join(ROOT, 'public/icons', name), omitBackground: true });
    await page.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
