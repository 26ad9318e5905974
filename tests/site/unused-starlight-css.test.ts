/**
 * The Starlight rules left out of the stylesheet
 * (src/site/integrations/unused-starlight-css.ts): the plugin drops exactly
 * the rules and selectors that name them, and no built page or script uses
 * one of them, so no reader loses a style a page needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { beforeAll, describe, expect, it } from 'vitest';
import unusedStarlightCss, { isUnusedClass, selectsUnused } from '../../src/site/integrations/unused-starlight-css';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';

const purge = (css: string) => postcss([unusedStarlightCss()]).process(css, { from: undefined }).css;

describe('unused Starlight CSS', () => {
  it('drops rules and selectors naming an unused class, and at-rules the drop empties', () => {
    expect(purge('.sl-badge{color:red}.a{color:blue}')).toBe('.a{color:blue}');
    expect(purge('.a,.hero:where(.astro-x)>img{color:red}')).toBe('.a{color:red}');
    expect(purge('@media (min-width:50em){.starlight-aside__title{margin:0}}.b{margin:0}')).toBe('.b{margin:0}');
    expect(purge('.md\\:sl-block{display:block}')).toBe('');
    // A layer declared empty keeps its place in the order; used classes stay.
    expect(purge('@layer starlight.core{}.sl-flex{display:flex}.hero-banner{x:y}')).toBe('@layer starlight.core{}.sl-flex{display:flex}.hero-banner{x:y}');
    expect(selectsUnused('.sidebar-content a[aria-current=page]>.sl-badge')).toBe(true);
    expect(selectsUnused('.sl-markdown-content a')).toBe(false);
  });

  describe('in the built site', () => {
    let outDir: string;
    let files: string[];
    beforeAll(async () => {
      outDir = await ensureBuilt(DEFAULT_BUILD);
      files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((rel) => path.join(outDir, rel));
    });

    it('no page carries a class whose rules were left out', () => {
      const carried = new Set<string>();
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bclass="([^"]*)"/g)) {
          for (const name of m[1].split(/\s+/)) if (isUnusedClass(name)) carried.add(`${name} (${path.relative(outDir, file)})`);
        }
      }
      expect([...carried]).toEqual([]);
    });

    it('no script adds one, and the stylesheets hold none of their rules', () => {
      const js = files.filter((f) => /\.m?js$/.test(f) && !f.includes(`${path.sep}pagefind${path.sep}`));
      const named = js.filter((f) => /["'`. ](starlight-aside|sl-banner|sl-badge|sl-steps|sl-link-button|tagline|kudos)\b/.test(readFileSync(f, 'utf8')));
      expect(named.map((f) => path.relative(outDir, f))).toEqual([]);
      const css = files.filter((f) => f.endsWith('.css'));
      expect(css.length).toBeGreaterThan(0);
      const left: string[] = [];
      for (const file of css) {
        postcss.parse(readFileSync(file, 'utf8')).walkRules((rule) => {
          if (rule.selectors.some(selectsUnused)) left.push(`${path.basename(file)}: ${rule.selector}`);
        });
      }
      expect(left).toEqual([]);
    });
  });
});
