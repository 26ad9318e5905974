/**
 * Five Starlight components' styles scoped by their container instead of a
 * class on each element (src/site/integrations/container-scoped-styles.ts):
 * the edits of the compiled code and style, and, on built pages of every
 * kind, that each container selector holds only that component's elements
 * (so its rules reach nothing else) and that no page carries a class the
 * stylesheet no longer names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTAINERS, containerScoped, scopeClassOf, withoutScopeClass } from '../../src/site/integrations/container-scoped-styles';
import { DEFAULT_BUILD, ensureBuilt } from './build-site';
import { elementsOf, readPage } from './html';
import { referencedFiles } from './page-weight';

/** What each component renders: the elements its container may hold. */
const ELEMENTS: Record<string, string[]> = {
  'components/SidebarSublist.astro': ['ul', 'li', 'a', 'span', 'details', 'summary', 'svg', 'sl-sidebar-restore'],
  'components/TableOfContents/TableOfContentsList.astro': ['ul', 'li', 'a', 'span'],
  'components/Select.astro': ['label', 'span', 'svg', 'select', 'option'],
  'components/Pagination.astro': ['div', 'a', 'svg', 'span', 'br'],
  'user-components/Icon.astro': ['svg'],
};

describe('container-scoped styles', () => {
  it('takes the scope class out of the compiled code and turns :where(.scope) into :where(container)', () => {
    const s = 'astro-ab12cd34';
    expect(withoutScopeClass(`<li class="${s}"><a class="large ${s}">${'${$$addAttribute([{ isMobile }, "' + s + '"], "class:list")}'}`, s)).toBe(
      '<li><a class="large">${$$addAttribute([{ isMobile }, undefined], "class:list")}',
    );
    expect(withoutScopeClass(`$$addAttribute(((Astro.props.class) ?? "") + " ${s}", "class") {"class":"caret ${s}"} {"class":"${s}"}`, s)).toBe(
      '$$addAttribute(((Astro.props.class) || undefined), "class") {"class":"caret"} {"class":undefined}',
    );
    expect(containerScoped(`ul:where(.${s}) a:where(.${s})[aria-current=true]{x:y}`, s, '.top-level,.top-level *')).toBe(
      'ul:where(.top-level,.top-level *) a:where(.top-level,.top-level *)[aria-current=true]{x:y}',
    );
    expect(scopeClassOf(`a.${s}{}`)).toBe(s);
    expect(() => scopeClassOf('a{}')).toThrow(/found none/);
    expect(() => scopeClassOf('.astro-aaaaaaaa .astro-bbbbbbbb{}')).toThrow(/found astro-aaaaaaaa, astro-bbbbbbbb/);
    expect(CONTAINERS.map((c) => c.component).sort()).toEqual(Object.keys(ELEMENTS).sort());
  });

  describe('in the built site', () => {
    let outDir: string;
    beforeAll(async () => {
      outDir = await ensureBuilt(DEFAULT_BUILD);
    });
    const pages = ['/', '/contents/', '/part-7/', '/part-7/chapter-4/', '/packages/6/', '/search/', '/about/', '/terms/', '/404.html'];

    it.each(pages)('%s: each container holds only its component’s elements', (page) => {
      const html = readPage(outDir, page);
      for (const { component, container } of CONTAINERS) {
        const tags = new Set(elementsOf(html, container).map((e) => e.tagName));
        const others = [...tags].filter((t) => !ELEMENTS[component]!.includes(t));
        expect(others, `${page} ${component}`).toEqual([]);
      }
      // The sidebar's list and the contents' lists are where the containers say.
      expect(elementsOf(html, '.top-level').every((e) => e.tagName === 'ul')).toBe(true);
      expect(elementsOf(html, '#starlight__sidebar .top-level')).toHaveLength(elementsOf(html, '.top-level').length);
    });

    it.each(pages)('%s: carries no scope class its stylesheet does not name', (page) => {
      const html = readPage(outDir, page);
      const css = referencedFiles(html)
        .css.map((href) => readFileSync(path.join(outDir, href), 'utf8'))
        .join('\n');
      const unnamed = [...new Set(html.match(/astro-[a-z0-9]{8}/g) ?? [])].filter((scope) => !css.includes(scope));
      expect(unnamed).toEqual([]);
      for (const { container } of CONTAINERS) {
        if (elementsOf(html, container).length > 0) expect(css, container).toContain(`:where(${container})`);
      }
    });
  });
});
