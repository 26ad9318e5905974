/**
 * The term index of the plan for pages and components, made once per build
 * (`MODEL_PRODUCTS.termIndex` in model-products.ts: in the build, by the
 * model worker, off the main thread).
 */
import type { QuotedTermIndex } from './quoted-terms';
import { siteProduct } from '../site-products';

let index: Promise<QuotedTermIndex> | undefined;

/** The terms and the phrases left out. */
export function siteTermIndex(): Promise<QuotedTermIndex> {
  return (index ??= siteProduct('termIndex'));
}
