/**
 * The schema.org description (JSON-LD) of a 篇 or 章 page: what the page is,
 * that it is part of the plan, its place in it, who passed and who issued
 * the plan and when, its language and the printed pages it spans.
 *
 * Types. The plan is a `Legislation` (schema.org: “a legal document such as
 * an act, decree, bill, etc. (enforceable or not) or a component of a legal
 * act”): the outline is adopted by the municipal People's Congress, which
 * `legislationPassedBy`, `legislationDate`, `legislationType` and
 * `legislationJurisdiction` say exactly, and a 篇 or 章 is a component of it,
 * so it is a `Legislation` too. Legislation has no printed pages in
 * schema.org; `pageStart`/`pageEnd` belong to `Chapter` (“one of the
 * sections into which a book is divided”), and the plan's pages are its
 * printed edition's. So each node carries two types (a multi-typed entity):
 * the plan `Legislation` + `Book` (`numberOfPages`), a 篇 or 章 `Legislation`
 * + `Chapter`.
 *
 * Addresses. `@id`s are site paths with the deployment base
 * (`/part-7/chapter-4/`, `/#plan`), which JSON-LD resolves against the page's
 * own address, so they are right wherever the site is served. An absolute
 * `url` is added only when the deployment's address is known (SITE_URL).
 *
 * Pure: the model, the page spans and the deployment in, a JSON-ready object out.
 */
import type { Plan } from '../../convert/model';
import { ISSUER, approvalDate } from '../cite/citation';
import { lastPage } from '../../convert/printed-pages';
import { chapterKey, type PageSpan, type PlanPageSpans } from '../plan/page-spans';
import { HOME_PATH, chapterPath, partPath, withBase } from '../site-paths';

/** The plan's language (the site's `lang`). */
export const PLAN_LANGUAGE = 'zh-CN';
/** What kind of legislation the plan is, in its own words (its title ends in 纲要). */
export const LEGISLATION_TYPE = '国民经济和社会发展五年规划纲要';
/** Where the plan applies. */
export const JURISDICTION = '北京市';

/** Where the site is served, as far as the build knows it. */
export interface JsonLdDeployment {
  /** BASE_PATH (`/`, `/plan/`). */
  base: string;
  /** SITE_URL when it is set, else null: then no absolute URL is written. */
  site: string | null;
}

/** A page of the plan's text. */
export type PlanTextPage = { kind: 'part'; part: number } | { kind: 'chapter'; part: number; chapter: number };

type Node = Record<string, unknown>;

/** `北京市第十五届人民代表大会第四次会议批准` → the body that passed it: `北京市第十五届人民代表大会`. */
export function passingBody(approval: string): string {
  const match = /^\d{4}年\d{1,2}月\d{1,2}日(.+?)(?:第[一二三四五六七八九十]+次会议)?批准$/.exec(approval);
  if (!match) throw new Error(`approval line does not name who approved the plan: ${approval}`);
  return match[1]!;
}

const ref = (id: string) => ({ '@id': id });

/** The JSON-LD of a 篇 or 章 page: an `@graph` of the plan, the 篇 and (on a 章 page) the 章. */
export function planPageJsonLd(plan: Plan, spans: PlanPageSpans, page: PlanTextPage, at: JsonLdDeployment): Node {
  const id = (path: string) => withBase(path, at.base);
  const url = (path: string) => (at.site === null ? {} : { url: new URL(id(path), at.site).href });
  const planId = `${id(HOME_PATH)}#plan`;
  const issuerId = `${id(HOME_PATH)}#issuer`;
  const pages = (span: PageSpan) => ({ pageStart: span.first, pageEnd: span.last });
  const date = approvalDate(plan.approval);

  const part = plan.parts.find((p) => p.n === page.part);
  if (!part) throw new Error(`plan.json has no 篇 ${page.part}`);
  /** What every component of the plan says of itself. */
  const component = {
    inLanguage: PLAN_LANGUAGE,
    legislationDate: date,
    publisher: ref(issuerId),
  };
  const graph: Node[] = [
    {
      '@id': planId,
      '@type': ['Legislation', 'Book'],
      name: plan.title,
      legislationType: LEGISLATION_TYPE,
      legislationDate: date,
      legislationPassedBy: { '@type': 'GovernmentOrganization', name: passingBody(plan.approval) },
      legislationJurisdiction: { '@type': 'AdministrativeArea', name: JURISDICTION },
      publisher: ref(issuerId),
      inLanguage: PLAN_LANGUAGE,
      numberOfPages: lastPage(plan),
      ...url(HOME_PATH),
    },
    { '@id': issuerId, '@type': 'GovernmentOrganization', name: ISSUER },
    {
      '@id': id(partPath(part.n)),
      '@type': ['Legislation', 'Chapter'],
      name: `${part.label} ${part.title}`,
      position: part.n,
      isPartOf: ref(planId),
      ...component,
      ...pages(spans.parts.get(part.n)!),
      ...url(partPath(part.n)),
    },
  ];
  if (page.kind === 'chapter') {
    const chapter = part.chapters.find((c) => c.n === page.chapter);
    if (!chapter) throw new Error(`plan.json has no 章 ${page.chapter} in 篇 ${page.part}`);
    graph.push({
      '@id': id(chapterPath(part.n, chapter.n)),
      '@type': ['Legislation', 'Chapter'],
      name: `${part.label} ${chapter.label} ${chapter.title}`,
      position: chapter.n,
      isPartOf: [ref(id(partPath(part.n))), ref(planId)],
      ...component,
      ...pages(spans.chapters.get(chapterKey(part.n, chapter.n))!),
      ...url(chapterPath(part.n, chapter.n)),
    });
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** The JSON-LD as the text of a `<script type="application/ld+json">` (no `<` that could end it). */
export function jsonLdScriptText(data: Node): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
