/**
 * Each page's sidebar (src/site/integrations/sidebar-route.ts): every 篇 is
 * listed, only the group holding the page stays a group (open), and the
 * page's own entry stays marked.
 */
import { describe, expect, it } from 'vitest';
import { pruneSidebar } from '../../src/site/integrations/sidebar-route';

type Entry = Parameters<typeof pruneSidebar>[0][number];
const link = (label: string, href: string, isCurrent = false): Entry => ({ type: 'link', label, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: Entry[]): Entry => ({ type: 'group', label, entries, collapsed: true, badge: undefined });

const sidebar = [
  link('首页', '/'),
  group('第一篇 甲', [link('第一篇 甲', '/part-1/'), link('第一章 子', '/part-1/chapter-1/')]),
  group('第二篇 乙', [link('第二篇 乙', '/part-2/'), link('第一章 丑', '/part-2/chapter-1/', true), link('第二章 寅', '/part-2/chapter-2/')]),
  link('主要指标', '/indicators/'),
];

describe('the sidebar of a page', () => {
  it('folds every group but the current one into a link to its first page, and opens the current one', () => {
    const pruned = pruneSidebar(sidebar);
    expect(pruned.map((e) => [e.type, e.label])).toEqual([
      ['link', '首页'],
      ['link', '第一篇 甲'],
      ['group', '第二篇 乙'],
      ['link', '主要指标'],
    ]);
    expect(pruned[1]).toMatchObject({ href: '/part-1/', isCurrent: false });
    const current = pruned[2]!;
    expect(current.type === 'group' && current.collapsed).toBe(false);
    expect(current.type === 'group' && current.entries.filter((e) => e.type === 'link' && e.isCurrent).map((e) => e.label)).toEqual(['第一章 丑']);
  });
  it('lists every group as a link on a page outside them', () => {
    const pruned = pruneSidebar([sidebar[0]!, sidebar[1]!, { ...sidebar[3]!, isCurrent: true } as Entry]);
    expect(pruned.every((e) => e.type === 'link')).toBe(true);
  });
});
