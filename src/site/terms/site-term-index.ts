/**
 * The term index of the plan for pages and components, computed once per
 * build (see `quotedTermIndex`). The site title precedes every page's text,
 * so text fragments are chosen not to match it.
 */
import { quotedTermIndex, type QuotedTermIndex } from './quoted-terms';
import { SITE_TITLE } from '../plan/plan-nav';
import { plan } from '../plan/plan';

/** The terms and the phrases left out. */
export const termIndex: QuotedTermIndex = quotedTermIndex(plan, { navigation: [SITE_TITLE] });
