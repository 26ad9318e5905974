/**
 * Every page of the built site says what it holds: its own meta description
 * (on pages of the plan's text, its first sentence), none shared with
 * another page; and the browser's theme colour is the interface's indigo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { attributeOf, elementsOf, htmlFiles, pathOfFile, readPage, textContent } from './html';
import { isPageRedirect } from '../../src/site/site-paths';
import { nextTurn } from './next-turn';

let outDir: string;

beforeAll(async () => {
  outDir = await ensureBuilt(DEFAULT_BUILD);
});

const metaContent = (html: string, name: string): string[] =>
  elementsOf(html, `meta[name="${name}"][content]`).map((meta) => attributeOf(meta, 'content')!);

describe('meta descriptions', () => {
  it('differ on every page, and a chapter\'s is its first sentence', async () => {
    const byDescription = new Map<string, string[]>();
    const pages = htmlFiles(outDir)
      .map((rel) => ({ rel, url: pathOfFile(rel) }))
      .filter(({ url }) => !isPageRedirect(url));
    expect(pages.length).toBeGreaterThan(80);
    for (const { rel, url } of pages) {
      const descriptions = metaContent(readFileSync(path.join(outDir, rel), 'utf8'), 'description');
      expect(descriptions, url).toHaveLength(1);
      byDescription.set(descriptions[0]!, [...(byDescription.get(descriptions[0]!) ?? []), url]);
      await nextTurn();
    }
    expect([...byDescription].filter(([, urls]) => urls.length > 1)).toEqual([]);
    const [chapter] = metaContent(readPage(outDir, '/part-9/chapter-3/'), 'description');
    expect(chapter).toMatch(/^[^。！？]+[。！？]/);
    expect(textContent(readPage(outDir, '/part-9/chapter-3/'))).toContain(chapter!.replace(/…$/, ''));
  });
});

describe('theme colour', () => {
  it('is the indigo of the interface, for light and dark', () => {
    const html = readPage(outDir, '/');
    const colours = elementsOf(html, 'meta[name="theme-color"]').map((meta) => [/^\(prefers-color-scheme: (light|dark)\)$/.exec(attributeOf(meta, 'media') ?? '')?.[1], attributeOf(meta, 'content')]);
    expect(Object.fromEntries(colours)).toEqual({ light: '#3d50f5', dark: '#0a205c' });
  });
});
