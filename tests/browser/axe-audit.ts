/**
 * axe-core (the engine Lighthouse uses, same version) in a page: its serious
 * and critical violations. Shared by the accessibility gate and the tests of
 * newer pages.
 *
 * A second colour scheme needs only the rules that read colours: the themes
 * differ in colour alone (Starlight swaps its colour custom properties and
 * `color-scheme`; the site's own CSS has no theme rule, and it shows no
 * light/dark logo variant), so every other rule — names, roles, structure,
 * sizes — gives the same answer in both and runs once, in the light theme.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The axe rules whose outcome depends on colours (axe's `cat.color` rules enabled by default). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One violation axe found, in short. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** axe's explanation for the first node (e.g. the contrast ratio found). */
  summary: string;
}

/**
 * The serious and critical violations on the page open in `page`: of every
 * rule axe runs by default, or with `coloursOnly` of COLOUR_RULES (a page
 * already audited in the other colour scheme); with `include`, in the
 * elements those selectors match only, and with `exclude`, not in those
 * (axe's cost grows with the elements it looks at: a region audited
 * elsewhere, or many entries of one template, need not be looked at again).
 */
export async function seriousViolations(page: Page, options: { coloursOnly?: boolean; include?: string[]; exclude?: string[] } = {}): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the page's CSP does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const runOnly = options.coloursOnly ? { type: 'rule', values: COLOUR_RULES } : undefined;
  const selectors = (list: string[]) => list.map((selector) => [selector]);
  const context =
    options.include || options.exclude
      ? { ...(options.include ? { include: selectors(options.include) } : {}), ...(options.exclude ? { exclude: selectors(options.exclude) } : {}) }
      : null;
  return page.evaluate(async ({ runOnly, context }) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document | object, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const { violations } = await axe.run(context ?? document, { resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary ?? '',
      }));
  }, { runOnly, context });
}
