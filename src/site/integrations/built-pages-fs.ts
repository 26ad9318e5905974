/**
 * The HTML pages of a build, as the steps after `astro build` read them
 * (merge-page-scripts-fs.ts, page-policies-fs.ts, src/search/search-index-fs.ts):
 * every `.html` file under the output folder, in one sorted order, so each
 * step sees the same pages in the same order.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every HTML file under `dir`, as absolute paths, sorted. */
export function builtPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
