/**
 * `npx tsx scripts/make-icons.ts`: draws the web app icons in public/icons/
 * from public/favicon.svg with Debian's Chromium, so the PNGs can be redrawn
 * whenever the favicon changes. The maskable icon fills the whole square (the
 * launcher cuts its own shape) and keeps the mark inside the central 80 %
 * safe zone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(ROOT, 'public/favicon.svg'), 'utf8');

const plain = (size: number) =>
  `<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`;
const maskable = (size: number) => {
  const inner = Math.round(size * 0.7);
  const mark = svg.replace(/<rect[^>]*\/>/, '').replace('<svg ', `<svg width="${inner}" height="${inner}" `);
  return `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:#b3261e">${mark}</body>`;
};

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
