/**
 * Starlight's icons drawn by the stylesheet (src/site/integrations/icons-from-stylesheet.ts,
 * src/site/styles/icons.css) and Starlight's CSS variables set without style
 * attributes (no-style-attributes.ts): each icon the site renders is drawn
 * with Starlight's own drawing; no page carries a drawing or a style
 * attribute, so no page's Content-Security-Policy needs 'unsafe-hashes'.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuiltInIcons } from '../../node_modules/@astrojs/starlight/components/Icons';
import { ICONS } from '../../src/site/integrations/icons-from-stylesheet';
import { ICON_SIZES } from '../../src/site/integrations/no-style-attributes';
import { DEFAULT_BUILD, ROOT, ensureBuilt } from './build-site';
import { htmlFiles } from './html';

const iconsCss = readFileSync(path.join(ROOT, 'src/site/styles/icons.css'), 'utf8');
const planCss = readFileSync(path.join(ROOT, 'src/site/styles/plan.css'), 'utf8');

/** The drawing icons.css gives icon `name` (the inside of its data URI's `<svg>`), or null. */
function drawingOf(name: string): string | null {
  const rule = new RegExp(`svg\\[data-icon='${name}'\\] \\{ --icon: url\\("data:image/svg\\+xml,([^"]+)"\\); \\}`).exec(iconsCss);
  if (!rule) return null;
  const svg = decodeURIComponent(rule[1]!);
  return /^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox='0 0 24 24'>(.*)<\/svg>$/.exec(svg)?.[1]!.replace(/'/g, '"') ?? null;
}

describe('icons', () => {
  it("draws each icon the site renders with Starlight's drawing, and sizes each icon size Starlight's components use", () => {
    for (const name of ICONS) expect(drawingOf(name), name).toBe((BuiltInIcons as Record<string, string>)[name]);
    for (const size of ICON_SIZES) expect(planCss).toContain(`svg[data-icon-size='${size}'] { --sl-icon-size: ${size}; }`);
  });

  describe('in the built site', () => {
    let pages: string[];
    beforeAll(async () => {
      const outDir = await ensureBuilt(DEFAULT_BUILD);
      pages = htmlFiles(outDir).map((rel) => readFileSync(path.join(outDir, rel), 'utf8'));
    });

    it('sends no drawing: every icon is an empty svg naming a drawn icon', () => {
      const icons = pages.flatMap((html) => [...html.matchAll(/<svg\b[^>]*\bdata-icon="([^"]*)"[^>]*>([\s\S]*?)<\/svg>/g)]);
      expect(icons.length).toBeGreaterThan(pages.length);
      for (const [, name, inside] of icons) {
        expect(ICONS).toContain(name);
        expect(inside).toBe('');
      }
      expect(pages.filter((html) => /viewBox="0 0 24 24" fill="currentColor"/.test(html))).toEqual([]);
    });

    it("carries no style attribute, and no page's policy allows style attributes", () => {
      expect(pages.filter((html) => /<[^>]+\sstyle="/.test(html))).toEqual([]);
      expect(pages.filter((html) => html.includes("'unsafe-hashes'"))).toEqual([]);
    });
  });
});
