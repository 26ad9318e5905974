/**
 * Which parts of the plan discuss each project of the 重大工程包 appendix.
 *
 * An item is looked up by its key phrases in the text of every 篇 and 章
 * introduction and every section (heading included, boxes included, page
 * breaks ignored). By default the key phrase is the item itself, as the
 * appendix prints it; where the body words it differently,
 * `content/data/package-links.json` gives the phrases the body uses, with a
 * reason — or no phrase at all, with a reason, when the body never mentions
 * the project. Links always come from the text: a phrase that stops matching
 * fails the checks instead of leaving a link somewhere wrong.
 *
 * Pure: takes the model and the curated data, returns data.
 */
import { z } from 'zod';
import type { Block, Inline, Plan } from '../convert/model';
import { planHeadings } from '../convert/plan-walk';
import type { PackagesTable } from './packages-table';
import { chapterPath, partPath, sectionId } from '../site/site-paths';

/** One reviewed override: the phrases by which the body names an item (none: it never does). */
export const packageLinkOverrideSchema = z
  .object({
    package: z.number().int().min(1),
    item: z.string().min(1),
    phrases: z.array(z.string().min(2)),
    reason: z.string().min(10, 'every override needs a reason a reviewer can check'),
  })
  .strict();
export type PackageLinkOverride = z.infer<typeof packageLinkOverrideSchema>;

/** `content/data/package-links.json`. */
export const packageLinksDataSchema = z.object({ overrides: z.array(packageLinkOverrideSchema) }).strict();
export type PackageLinksData = z.infer<typeof packageLinksDataSchema>;

/** A stretch of the plan with a URL of its own: a 篇 or 章 introduction, or a section. */
export interface TextPlace {
  /** Site path without base, with `#section-K` for a section. */
  href: string;
  /** The 章 page (or 篇 page) the place is on. */
  pagePath: string;
  part: number;
  chapter: number | null;
  section: number | null;
  /** How a link to it reads: `第六篇 第二章 一、实现城市副中心框架基本成型`. */
  label: string;
  /** Its characters: heading, then each block on its own line (page breaks carry none). */
  text: string;
}

const inlines = (parts: readonly Inline[] | null): string => (parts ?? []).filter((p): p is string => typeof p === 'string').join('');

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'target':
      return inlines(block.lead) + inlines(block.body);
    case 'box':
      return [block.label + block.title, inlines(block.intro), ...block.items.map((i) => inlines(i.lead) + inlines(i.body))].join('\n');
    case 'table':
      return inlines(block.raw);
  }
}

/** Every place of the plan's body in reading order (the 序言 and the appendix are not places). */
export function textPlaces(plan: Plan): TextPlace[] {
  const places: TextPlace[] = [];
  const text = (heading: string, blocks: readonly Block[]) => [heading, ...blocks.map(blockText)].join('\n');
  for (const step of planHeadings(plan)) {
    if (step.type === 'part' && step.node.intro.length > 0) {
      const { node: part } = step;
      places.push({
        href: partPath(part.n), pagePath: partPath(part.n), part: part.n, chapter: null, section: null,
        label: `${part.label} ${part.title}`, text: text(part.label + part.title, part.intro),
      });
    } else if (step.type === 'chapter' && step.node.intro.length > 0) {
      const { node: chapter, part } = step;
      const page = chapterPath(part.n, chapter.n);
      places.push({
        href: page, pagePath: page, part: part.n, chapter: chapter.n, section: null,
        label: `${part.label} ${chapter.label} ${chapter.title}`, text: text(chapter.label + chapter.title, chapter.intro),
      });
    } else if (step.type === 'section') {
      const { node: section, part, chapter } = step;
      const page = chapterPath(part.n, chapter.n);
      places.push({
        href: `${page}#${sectionId(section.n)}`, pagePath: page, part: part.n, chapter: chapter.n, section: section.n,
        label: `${part.label} ${chapter.label} ${section.label}${section.title}`, text: text(section.label + section.title, section.blocks),
      });
    }
  }
  return places;
}

/** One project of a package and where the body discusses it. */
export interface LinkedItem {
  /** Its position in the package's list, 1-based (the id `item-K` on /packages/N/). */
  k: number;
  text: string;
  /** The phrases looked up (the item itself unless overridden). */
  phrases: string[];
  /** Why the phrases differ from the item, or why there are none; null for the item itself. */
  reason: string | null;
  /** The places holding a phrase, in reading order, each once. */
  places: TextPlace[];
}

/** A package with its linked items. */
export interface LinkedPackage {
  no: number;
  name: string;
  items: LinkedItem[];
}

/** The overrides keyed `package|item`. */
function overridesByKey(data: PackageLinksData): Map<string, PackageLinkOverride> {
  return new Map(data.overrides.map((o) => [`${o.package}|${o.item}`, o]));
}

/** Every package item with the places of the plan that discuss it. */
export function linkPackageItems(plan: Plan, table: PackagesTable, data: PackageLinksData): LinkedPackage[] {
  const places = textPlaces(plan);
  const overrides = overridesByKey(data);
  return table.packages.map((p) => ({
    no: p.no,
    name: p.name,
    items: p.items.map((item, i) => {
      const override = overrides.get(`${p.no}|${item}`);
      const phrases = override ? override.phrases : [item];
      return {
        k: i + 1,
        text: item,
        phrases,
        reason: override?.reason ?? null,
        places: places.filter((place) => phrases.some((phrase) => place.text.includes(phrase))),
      };
    }),
  }));
}

/**
 * What is wrong with the curated overrides for this plan: an override of an
 * item the appendix does not list, or listed twice; an override phrase the
 * body does not contain; an item without override that the body never
 * names as printed (it needs a reviewed override saying how the body names
 * it, or that it does not). Empty when consistent.
 */
export function checkPackageLinks(plan: Plan, table: PackagesTable, data: PackageLinksData): string[] {
  const problems: string[] = [];
  const places = textPlaces(plan);
  const found = (phrase: string) => places.some((place) => place.text.includes(phrase));
  const items = new Set(table.packages.flatMap((p) => p.items.map((item) => `${p.no}|${item}`)));
  const seen = new Set<string>();
  for (const o of data.overrides) {
    const key = `${o.package}|${o.item}`;
    if (!items.has(key)) problems.push(`package ${o.package}: no item “${o.item}” to override`);
    if (seen.has(key)) problems.push(`package ${o.package}: item “${o.item}” overridden twice`);
    seen.add(key);
    for (const phrase of o.phrases) if (!found(phrase)) problems.push(`package ${o.package}: “${o.item}”: phrase “${phrase}” is not in the plan's body`);
  }
  for (const p of table.packages) {
    for (const item of p.items) {
      if (!seen.has(`${p.no}|${item}`) && !found(item)) {
        problems.push(`package ${p.no}: “${item}” is not in the plan's body as printed; add an override to content/data/package-links.json`);
      }
    }
  }
  return problems;
}

/** For a 篇 or 章 page: the packages whose items it discusses, each with those items, in appendix order. */
export function packagesDiscussedOn(linked: readonly LinkedPackage[], pagePath: string): { no: number; name: string; items: LinkedItem[] }[] {
  return linked
    .map((p) => ({ no: p.no, name: p.name, items: p.items.filter((item) => item.places.some((place) => place.pagePath === pagePath)) }))
    .filter((p) => p.items.length > 0);
}
