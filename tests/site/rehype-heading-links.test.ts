/**
 * Heading self-links: present after every heading with an id, empty (no
 * characters), named by aria-label; a section heading also gets its 引用
 * control, marked as site text.
 */
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeHeadingLinks, { headingLinkLabel } from '../../src/site/integrations/rehype-heading-links';

const h = (tagName: string, id: string | undefined, text: string): Element => ({
  type: 'element',
  tagName,
  properties: id ? { id } : {},
  children: [{ type: 'text', value: text }],
});

describe('rehypeHeadingLinks', () => {
  it('wraps each heading with an id and adds an empty self-link named after it', () => {
    const tree: Root = { type: 'root', children: [h('h2', 'section-1', '一、指导思想'), h('p', undefined, '正文')] };
    rehypeHeadingLinks()(tree);
    const wrapper = tree.children[0] as Element;
    expect(wrapper.tagName).toBe('div');
    expect(wrapper.properties.className).toContain('sl-heading-wrapper');
    const [heading, link] = wrapper.children as Element[];
    expect(heading!.properties.id).toBe('section-1');
    expect(link!.tagName).toBe('a');
    expect(link!.properties.href).toBe('#section-1');
    expect(link!.properties.ariaLabel).toBe(headingLinkLabel('一、指导思想'));
    expect(link!.children).toEqual([]);
    expect((tree.children[1] as Element).tagName).toBe('p');
  });

  it('finds headings nested in other elements and skips headings without an id', () => {
    const aside: Element = { type: 'element', tagName: 'aside', properties: {}, children: [h('h3', 'box-7-title', '专栏7'), h('h4', undefined, '无')] };
    const tree: Root = { type: 'root', children: [aside] };
    rehypeHeadingLinks()(tree);
    expect((aside.children[0] as Element).tagName).toBe('div');
    expect((aside.children[1] as Element).tagName).toBe('h4');
  });

  it('gives a section heading, and only a section heading, its 引用 control, marked as site text', () => {
    const tree: Root = { type: 'root', children: [h('h2', 'section-3', '三、搞活未来科学城'), h('h3', 'box-7-title', '专栏7')] };
    rehypeHeadingLinks()(tree);
    const [section, box] = tree.children as Element[];
    const button = section!.children[2] as Element;
    expect(button.tagName).toBe('button');
    expect(button.properties).toMatchObject({ type: 'button', dataCite: 'section-3', ariaLabel: '引用本节：三、搞活未来科学城', dataNontext: '' });
    expect(button.children).toEqual([{ type: 'text', value: '引用' }]);
    expect(box!.children).toHaveLength(2);
  });
});
