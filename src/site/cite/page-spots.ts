/**
 * The citable spots of each page, in one place: the page head's citation
 * tags (CitationMeta.astro), the 引用 controls (PlanPageTitle.astro, the
 * indicators table, /boxes/) and the panel's data all read them from here.
 *
 * The whole plan on / and /full/; a 篇; a 章 with its sections and boxes
 * (and, in 第一篇第三章, the main-indicators table and its rows); the table
 * and its rows on /indicators/; every box on /boxes/; a package.
 */
import { indicatorsTable, packagesTable } from '../../reviewed/curated-data';
import { indicatorsPlace } from '../plan/block-places';
import { PAGE_SPOT, boxListSpots, chapterSpots, indicatorSpots, packageSpot, partSpot, planSpot, type CitationSpot, type Deployment } from './citation';
import { planPageSpans } from '../plan/page-spans';
import type { PlanPageRef } from '../plan/plan-nav';
import { plan } from '../plan/plan';
import { INDICATORS_PATH, INDICATORS_TABLE_ID, chapterPath } from '../site-paths';

const spans = planPageSpans(plan);
const tablePlace = indicatorsPlace(plan);

/** The spots of the page `ref` at site path `pagePath`, the page's own (key `_top`) first when it has one. */
export function pageSpots(ref: PlanPageRef | undefined, pagePath: string, at: Deployment): CitationSpot[] {
  switch (ref?.kind) {
    case 'title-block':
      return [planSpot(pagePath, at)];
    case 'part':
      return [partSpot(plan, spans, ref.part, at)];
    case 'chapter': {
      const spots = chapterSpots(plan, spans, ref.part, ref.chapter, at);
      const holdsTable = tablePlace.part.n === ref.part && tablePlace.chapter.n === ref.chapter;
      return holdsTable ? [...spots, ...indicatorSpots(tablePlace, indicatorsTable, chapterPath(ref.part, ref.chapter), INDICATORS_TABLE_ID, at)] : spots;
    }
    case 'indicators':
      return indicatorSpots(tablePlace, indicatorsTable, INDICATORS_PATH, PAGE_SPOT, at);
    case 'boxes':
      return boxListSpots(plan, spans, at);
    case 'package':
      return [packageSpot(plan, packagesTable, ref.package, at)];
    default:
      return [];
  }
}
