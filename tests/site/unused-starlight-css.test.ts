/**
 * The Starlight rules left out of the stylesheet
 * (src/site/integrations/unused-starlight-css.ts): the plugin drops exactly
 * the rules and selectors that name them, and no built page or script uses
 * one of them, so no reader loses a style a page needs; likewise the custom
 * properties whose declarations go are read by no built file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { beforeAll, describe, expect, it } from 'vitest';
import unusedStarlightCss, { UNUSED_CONTENT_ELEMENTS, UNUSED_VARIABLES, isUnusedClass, isUnusedComponentStyle, selectsUnused } from '../../src/site/integrations/unused-starlight-css';
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
    // Expressive Code is off, and no page renders Starlight's file tree or tabs.
    expect(selectsUnused('.expressive-code .frame.has-title:not(.is-terminal) .title')).toBe(true);
    expect(purge('starlight-file-tree .highlight{x:y}starlight-tabs{x:y}.a starlight-tabs-x{x:y}')).toBe('.a starlight-tabs-x{x:y}');
  });

  it('drops the content styles of elements the content never has, and the styles of components no page renders', () => {
    expect(purge('.sl-markdown-content pre:not(:where(.not-content *)){x:y}.sl-markdown-content li+li,.sl-markdown-content hr+p{x:y}')).toBe('.sl-markdown-content li+li{x:y}');
    expect(selectsUnused('[dir=rtl] .sl-markdown-content blockquote:not(:where(.not-content *)):before')).toBe(true);
    // An element named only in a negation is no subject of the rule.
    expect(selectsUnused('.sl-markdown-content :not(a,pre,br)+:not(a,pre,br,:where(.not-content *))')).toBe(false);
    expect(selectsUnused('summary')).toBe(false);
    const hero = postcss([unusedStarlightCss()]).process('@layer starlight.core;.stack:where(.astro-x){gap:1rem}', { from: '/n/node_modules/@astrojs/starlight/components/Hero.astro?astro&type=style&index=0&lang.css' }).css;
    expect(hero).toMatch(/^@layer starlight\.core;?$/);
    expect(isUnusedComponentStyle('/n/node_modules/@astrojs/starlight/components/Header.astro?astro&type=style&index=0&lang.css')).toBe(false);
  });

  it('drops the declarations of unused custom properties, and keeps the others', () => {
    expect(purge(':root{--sl-hue-blue:234;--sl-color-blue:hsl(var(--sl-hue-blue),100%,60%);--sl-color-red:red;--sl-text-code:1em}')).toBe(':root{--sl-color-red:red}');
    expect(UNUSED_VARIABLES).not.toContain('--sl-color-orange');
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

    it('no page puts an element whose content styles were left out in its Markdown content', () => {
      const found = new Set<string>();
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        for (const part of html.split('<div class="sl-markdown-content">').slice(1)) {
          const content = part.split('</main>')[0]!;
          for (const tag of UNUSED_CONTENT_ELEMENTS) if (new RegExp(`<${tag}[\\s>]`).test(content)) found.add(`${tag} (${path.relative(outDir, file)})`);
        }
      }
      expect([...found]).toEqual([]);
    });

    it('no page renders a component whose styles were left out: no hero, badge, social link, edit link, notice, file tree or tabs', () => {
      const found: string[] = [];
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        if (/<(starlight-file-tree|starlight-tabs)\b/.test(html) || /class="[^"]*\bsocial-icons\b[^"]*">\s*<a\b/.test(html) || /编辑此页|此内容尚不支持你的语言|此内容为草稿/.test(html) || /class="hero\b/.test(html)) found.push(path.relative(outDir, file));
      }
      expect(found).toEqual([]);
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

    it('no stylesheet, page or script reads a custom property whose declarations were left out, and none declares one', () => {
      const read: string[] = [];
      const declared: string[] = [];
      for (const file of files.filter((f) => /\.(css|html|m?js)$/.test(f) && !f.includes(`${path.sep}pagefind${path.sep}`))) {
        const text = readFileSync(file, 'utf8');
        for (const name of UNUSED_VARIABLES) {
          if (text.includes(`var(${name})`) || text.includes(`var(${name},`)) read.push(`${name} (${path.relative(outDir, file)})`);
          if (file.endsWith('.css') && text.includes(`${name}:`)) declared.push(`${name} (${path.relative(outDir, file)})`);
        }
      }
      expect(read).toEqual([]);
      expect(declared).toEqual([]);
    });
  });
});
