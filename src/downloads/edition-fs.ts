/**
 * The edition of this build, read from disk: the package version, and from
 * the build information of /about/ (`readBuildInfo`) the source's sha256 and
 * the build's date, which is never the clock's in a git checkout, so that two
 * builds of the same inputs give the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildInfo } from '../site/about/build-info-fs';
import { editionVersion, type Edition } from './edition';

/** The edition of the project in the working directory (Astro's root; see readBuildInfo). */
export function readEdition(root = process.cwd()): Edition {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const build = readBuildInfo(root);
  return { version: editionVersion(pkg.version, build.sourceSha256), sourceSha256: build.sourceSha256, modified: `${build.date}T00:00:00Z` };
}
