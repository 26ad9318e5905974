/**
 * QR codes in a real browser, read back by an independent decoder (jsQR):
 * the 引用 panel's code, its full-screen view and a printed handout's first
 * sheet each hold the address the page is served at — here a port the build
 * never saw — and the QR library is downloaded only when first needed.
 * Pictures go to tests/.tmp/screenshots/ for a human to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterPath } from '../../src/site/site-paths';
import { closeContexts, sharedBrowser } from './test-browser';
import { DEFAULT_BUILD, TMP, ensureBuilt } from '../site/build-site';
import { decodeQrPng } from './decode-qr';
import { serveStatic, type StaticServer } from './static-server';

const SHOTS = path.join(TMP, 'screenshots');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const outDir = await ensureBuilt(DEFAULT_BUILD);
  server = await serveStatic(outDir);
  browser = await sharedBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

/** Whether the page has downloaded the QR module. */
const qrRequested = (requests: string[]) => requests.some((url) => /\/_astro\/qr-svg\.[^/]*\.js$/.test(url));

async function openPage(url: string, width = 1280, height = 900): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, requests, errors };
}

describe('QR code of the 引用 panel', () => {
  it('holds the served address of the spot, is loaded on first use, and fills the screen when enlarged', async () => {
    const address = `${server.origin}${chapterPath(5, 3)}#section-2`;
    expect(server.origin).not.toBe('http://localhost:4321'); // the build's default SITE_URL
    const { page, requests, errors } = await openPage(server.origin + chapterPath(5, 3));
    await page.waitForLoadState('networkidle');
    expect(qrRequested(requests)).toBe(false);

    await page.click('button[data-cite="section-2"]');
    const code = page.locator('#cite-panel [data-cite-qr-code]');
    await code.locator('svg').waitFor();
    expect(qrRequested(requests)).toBe(true);
    expect(await page.textContent('#cite-panel [data-cite-qr-address]')).toBe(address);
    const box = (await code.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(240); // 16rem: readable across a classroom when projected
    const shot = await code.screenshot({ path: path.join(SHOTS, 'qr-panel-1280.png') });
    expect(decodeQrPng(shot)).toBe(address);

    // Another spot: the code follows.
    await page.click('button[data-cite="box-3"]');
    await page.waitForFunction(() => document.querySelector('#cite-panel [data-cite-qr-code]')?.getAttribute('data-address')?.endsWith('#box-3'));
    expect(decodeQrPng(await code.screenshot())).toBe(`${server.origin}${chapterPath(5, 3)}#box-3`);

    await page.click('#cite-panel [data-cite-qr-zoom]');
    const zoomed = page.locator('#qr-zoom [data-qr-zoom-code]');
    await zoomed.locator('svg').waitFor();
    const big = (await zoomed.boundingBox())!;
    expect(big.height).toBeGreaterThan(900 * 0.6);
    expect(await page.textContent('#qr-zoom [data-qr-zoom-address]')).toBe(`${server.origin}${chapterPath(5, 3)}#box-3`);
    await page.screenshot({ path: path.join(SHOTS, 'qr-zoom-1280.png') });
    expect(decodeQrPng(await zoomed.screenshot())).toBe(`${server.origin}${chapterPath(5, 3)}#box-3`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('qr-zoom') as HTMLDialogElement).open);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('QR code of a printed handout', () => {
  it('prints the page’s served address at the foot of the first sheet only', async () => {
    const address = `${server.origin}${chapterPath(5, 2)}`;
    const { page, requests, errors } = await openPage(address);
    await page.waitForLoadState('networkidle');
    expect(qrRequested(requests)).toBe(false);
    // Printing starts: the code is made then (the module is fetched on this first use).
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-print-qr'));
    const file = path.join(SHOTS, 'qr-handout.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
    const prefix = path.join(TMP, 'qr-handout-sheet');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '2', file, prefix]);
    const sheets = ['1', '2'].map((n) => readFileSync(`${prefix}-${n}.png`));
    // The foot of the first sheet: its lowest fifth.
    expect(decodeQrPng(sheets[0]!, { from: 0.8, to: 1 })).toBe(address);
    expect(decodeQrPng(sheets[0]!, { from: 0, to: 0.8 })).toBeNull();
    expect(decodeQrPng(sheets[1]!)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
