/**
 * The HTML pages of a build, as the steps after `astro build` read them
 * (merge-page-scripts-fs.ts, page-policies-fs.ts, src/search/search-index-fs.ts):
 * every `.html` file under the output folder, in one sorted order, so each
 * step sees the same pages in the same order.
 *
 * The policies' worker lists them from `astro:build:generated` on, while
 * Astro is still deleting its server bundle's chunks (dist/chunks/) from the
 * same folder: a folder that is gone by the time the walk reaches it held no
 * page, and is passed over (one build in about ten failed with ENOENT on
 * dist/chunks/astro when the whole tree was listed in one call).
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** Every HTML file under `dir`, as absolute paths, sorted. */
export function builtPages(dir: string): string[] {
  return htmlFilesUnder(dir, readdirSync(dir, { withFileTypes: true })).sort();
}

function htmlFilesUnder(dir: string, entries: Dirent[]): string[] {
  return entries.flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isFile()) return entry.name.endsWith('.html') ? [file] : [];
    if (!entry.isDirectory()) return [];
    const inner = entriesOfVanishing(file);
    return inner ? htmlFilesUnder(file, inner) : [];
  });
}

/** The entries of the folder `dir`, or null when it no longer exists. */
function entriesOfVanishing(dir: string): Dirent[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
