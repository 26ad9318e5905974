/**
 * Addresses are true wherever the site is served. The build names no origin
 * (the default build has no SITE_URL; the sub-path build has one, which the
 * copied addresses must still not take), so each build is served from two
 * servers on different origins — `/` and `/plan/` — and on each, in
 * Chromium: the 引用 reference, the "title — URL" line, the link to a
 * selection and the URL printed on paper all name the address the page was
 * actually loaded from, sub-path included.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/convert/model';
import { chapterSpots, citationRecord, citedWork, titleAndLink } from '../../src/site/cite/citation';
import { gbt7714 } from '../../src/site/cite/reference-formats';
import { planPageSpans } from '../../src/site/plan/page-spans';
import { readPlan } from '../../src/site/plan/read-plan-fs';
import { chapterPath } from '../../src/site/site-paths';
import { closeContexts, sharedBrowser } from './test-browser';
import { DEFAULT_BUILD, SUBPATH_BUILD, ensureBuilt, type SiteBuild } from '../site/build-site';
import { selectText } from './select-text';
import { serveStatic, type StaticServer } from './static-server';

/** The reader's clock: the access date of the copied reference. */
const NOW = new Date(2031, 3, 5, 10, 0, 0);
const PART = 7;
const CHAPTER = 4;
const SENTENCE = '大力发展与大国首都地位相匹配的现代金融业，在有效防范风险的前提下推进金融创新，更好支持实体经济发展。';

let browser: Browser;
let plan: Plan;
const servers: { build: SiteBuild; server: StaticServer }[] = [];

beforeAll(async () => {
  plan = readPlan();
  for (const build of [DEFAULT_BUILD, SUBPATH_BUILD]) {
    const dir = await ensureBuilt(build);
    // Two servers of one build: two origins (their ports differ) the build never saw.
    for (let i = 0; i < 2; i++) servers.push({ build, server: await serveStatic(dir, build.base) });
  }
  browser = await sharedBrowser();
}, 600_000);

afterAll(async () => {
  await closeContexts(browser);
  for (const { server } of servers) await server.close();
});

describe('addresses a reader copies come from where the page is served', () => {
  it('serves each build on two origins', () => {
    expect(servers).toHaveLength(4);
    expect(new Set(servers.map((s) => s.server.origin)).size).toBe(4);
  });

  for (const [index, label] of ['/ on origin A', '/ on origin B', '/plan/ on origin C', '/plan/ on origin D'].entries()) {
    it(`cites, links and prints the served address (${label})`, async () => {
      const { build, server } = servers[index]!;
      const pageUrl = `${server.origin}${build.base}${chapterPath(PART, CHAPTER).slice(1)}`;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await context.newPage();
      await page.clock.setFixedTime(NOW);
      await page.goto(pageUrl);
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
      const copied = async (button: string, status: string) => {
        await page.click(button);
        await page.waitForFunction((text) => document.getElementById('cite-status')!.textContent === text, status);
        const text = await clipboard();
        // Clear the status so that the next copy is seen to happen.
        await page.evaluate(() => (document.getElementById('cite-status')!.textContent = ''));
        return text;
      };

      // The 引用 reference and the title line name this server's address.
      const spot = chapterSpots(plan, planPageSpans(plan), PART, CHAPTER, { base: build.base }).find((s) => s.key === 'section-2')!;
      const served = { ...spot, url: `${pageUrl}#section-2` };
      await page.click('button[data-cite="section-2"]');
      const reference = await copied('#cite-panel button[data-cite-copy="gbt"]', '已复制 GB/T 7714-2015 格式的引用');
      expect(reference).toBe(gbt7714(citationRecord(citedWork(plan), served, '2031-04-05')));
      expect(reference.endsWith(` ${pageUrl}#section-2`), reference).toBe(true);
      console.log(`copied on ${server.origin}${build.base}: ${reference}`);
      expect(await copied('#cite-panel button[data-cite-copy="link"]', '已复制标题和链接')).toBe(titleAndLink(citedWork(plan), served));

      // The link to a selection too, and it opens on this server.
      expect(await selectText(page, SENTENCE)).toBe(SENTENCE);
      const link = await copied('button.selection-link', '已复制所选文字的链接');
      expect(link.startsWith(`${pageUrl}#section-2:~:text=`), link).toBe(true);

      // The URL printed on paper, at the foot of the handout.
      await page.emulateMedia({ media: 'print' });
      expect(await page.textContent('.print-address')).toBe(`本页网址：${pageUrl}`);

      // The build's own address appears only where SITE_URL asks for it: canonical and og:url.
      const canonical = await page.$$eval('link[rel="canonical"]', (links) => links.map((l) => l.getAttribute('href')));
      expect(canonical).toEqual(build.site ? [`${build.site}${build.base}${chapterPath(PART, CHAPTER).slice(1)}`] : []);
      await context.close();
    });
  }
});
