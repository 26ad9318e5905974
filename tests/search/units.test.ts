/**
 * Search units and the indexer's view of a page: the plan's text cut into
 * units loses nothing, queries are cut the same way, and the view given to
 * Pagefind differs from the page only by spaces and empty end markers.
 */
import { describe, expect, it } from 'vitest';
import { planText } from '../../src/convert/plan-text';
import { plan as realPlan } from '../helpers/real-plan';
import { endMarkerId, indexerView } from '../../src/search/indexer-view';
import { textContent } from '../site/html';
import { findKeyRuns, queryTerms, searchUnits, termKeys, unitKey, unitSpans } from '../../src/search/units';

const text = planText(realPlan);
const HAN = /\p{Script=Han}/u;

/** The text of an HTML snippet: tags dropped. */
const textOf = textContent;

describe('search units', () => {
  it('cuts the whole plan into units that give its text back', () => {
    const units = searchUnits(text);
    expect(units.join('')).toBe(text);
    // A unit holds one Han character, or one run of other letters and digits, plus punctuation.
    const malformed = units.filter((unit) => {
      const key = unitKey(unit);
      return HAN.test(key) ? [...key].length !== 1 : !/^[\p{L}\p{N}]*$/u.test(key);
    });
    expect(malformed).toEqual([]);
    expect(units.length).toBeGreaterThan(100_000);
  });

  it('keeps punctuation out of the keys and in the unit before it', () => {
    expect(searchUnits('推进细颗粒物（PM2.5）和5G+8K、“两区”')).toEqual(['推', '进', '细', '颗', '粒', '物（', 'PM2.', '5）', '和', '5G+', '8K、“', '两', '区”']);
    expect(termKeys('“两区”')).toEqual(['两', '区']);
    expect(termKeys('PM2.5')).toEqual(['pm2', '5']);
    expect(termKeys('5G+8K')).toEqual(['5g', '8k']);
    expect(termKeys('IPv6')).toEqual(['ipv6']);
    expect(termKeys('“，”')).toEqual([]);
  });

  it('splits a query into terms at any whitespace and drops terms without letters or digits', () => {
    expect(queryTerms(' 碳达峰\u3000“两区” ， RCEP ')).toEqual([
      { term: '碳达峰', keys: ['碳', '达', '峰'] },
      { term: '“两区”', keys: ['两', '区'] },
      { term: 'RCEP', keys: ['rcep'] },
    ]);
  });

  it('gives the same keys with spans over the word characters only', () => {
    const sample = text.slice(0, 20_000);
    const spans = unitSpans(sample);
    expect(spans.map((s) => s.key)).toEqual(searchUnits(sample).map(unitKey).filter((k) => k !== ''));
    for (const span of spans) expect(sample.slice(span.start, span.end).toLowerCase()).toBe(span.key);
  });

  it('finds a term only as whole units in a row', () => {
    const keys = unitSpans('中欧投资协定（CAI）与AI、5G和25G').map((s) => s.key);
    expect(findKeyRuns(keys, termKeys('AI'))).toHaveLength(1);
    expect(findKeyRuns(keys, termKeys('5G'))).toHaveLength(1);
    expect(findKeyRuns(keys, termKeys('投资协定'))).toEqual([2]);
    expect(findKeyRuns(['一', '一', '一', '一'], ['一', '一'])).toEqual([0, 2]);
  });
});

describe('indexer view', () => {
  it('spaces the text into units and adds nothing else to it', () => {
    const html = '<main data-pagefind-body><h2 id="section-1">一、实现碳达峰</h2><p><strong>研究<a href="#box-7">低碳领跑者计划</a>。</strong>推进PM2.5治理</p></main>';
    const view = indexerView(html);
    expect(textOf(view).replace(/\s+/g, '')).toBe(textOf(html));
    expect(textOf(view).trim().split(/\s+/)).toEqual([
      '一、', '实', '现', '碳', '达', '峰', '研', '究', '低', '碳', '领', '跑', '者', '计', '划。', '推', '进', 'PM2.', '5', '治', '理',
    ]);
  });

  it('keeps a run of digits whole across a page marker, and character references whole', () => {
    const view = indexerView('<p>依托1<a id="page-3" class="page-marker" data-pagefind-ignore></a>2345热线，A&amp;B&#x4e2d;国</p>');
    expect(textOf(view).trim().split(/\s+/)).toEqual(['依', '托', '12345', '热', '线，', 'A&', 'B', '中', '国']);
    expect(view).toContain('A&amp; B &#x4e2d; 国');
  });

  it('leaves the doctype alone (it is not text)', () => {
    const page = '<!DOCTYPE html><html><head><title>甲</title></head><body><p>乙丙</p></body></html>';
    expect(indexerView(page)).toMatch(/^<!DOCTYPE html><html>/);
    expect(textOf(indexerView(page)).replace(/\s+/g, '')).toBe(textOf(page));
  });

  it('ends each block with a space, so Pagefind adds no full stop to its text', () => {
    expect(indexerView('<h3>低碳领跑者计划</h3>')).toMatch(/划 <\/h3>$/);
  });

  it('marks where a container with an id ends, nested ones included', () => {
    const view = indexerView('<aside id="box-7"><ol><li id="item-1">甲</li><li>乙</li></ol></aside><p>丙</p>');
    expect(view).toContain(`</li><i id="${endMarkerId('item-1')}"></i>`);
    expect(view).toContain(`</aside><i id="${endMarkerId('box-7')}"></i>`);
    expect(view.match(/--end/g)).toHaveLength(2);
  });

  it('leaves scripts, styles, comments and attributes alone', () => {
    const html = '<script>const a = "北京";</script><style>p::after{content:"北京"}</style><!-- 北京 --><h1 data-pagefind-meta="title:北京市">北京</h1>';
    const view = indexerView(html);
    expect(view).toContain('<script>const a = "北京";</script>');
    expect(view).toContain('<style>p::after{content:"北京"}</style>');
    expect(view).toContain('<!-- 北京 -->');
    expect(view).toContain('data-pagefind-meta="title:北京市"');
  });
});
