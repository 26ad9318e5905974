/**
 * The faithfulness proofs of the two curated tables, run together: at build
 * time (curated-data.ts, so a bad edit of content/data/ fails `npm run build`)
 * and by tests/tables. Each problem is prefixed with the file it concerns and
 * names the row and the reason, as the proofs word them.
 *
 * Pure: the source text and the curated data in, problems out.
 */
import { checkIndicatorsFaithful, findIndicatorsRaw } from './indicators-table';
import { checkPackagesFaithful, findPackagesRaw } from './packages-table';

export const INDICATORS_FILE = 'content/data/indicators.json';
export const PACKAGES_FILE = 'content/data/packages.json';

/** Every problem of the curated tables against the source text (empty when both are faithful). */
export function curatedTableProblems(source: string, indicators: unknown, packages: unknown): string[] {
  const indicatorsRaw = findIndicatorsRaw(source);
  const packagesRaw = findPackagesRaw(source);
  return [
    ...(indicatorsRaw === null
      ? [`${INDICATORS_FILE}: the source has no line starting with the table's caption`]
      : checkIndicatorsFaithful(indicatorsRaw, indicators).map((p) => `${INDICATORS_FILE}: ${p}`)),
    ...(packagesRaw === null
      ? [`${PACKAGES_FILE}: the source has no appendix heading`]
      : checkPackagesFaithful(packagesRaw, packages).map((p) => `${PACKAGES_FILE}: ${p}`)),
  ];
}

/** Throws one error listing every problem, when there is one. */
export function assertCuratedTablesFaithful(source: string, indicators: unknown, packages: unknown): void {
  const problems = curatedTableProblems(source, indicators, packages);
  if (problems.length > 0) {
    throw new Error(`the curated tables are not faithful to the source text:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}
