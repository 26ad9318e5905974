/**
 * The edition of this build, read from disk: the package version, and from
 * the build information of /about/ (`readBuildInfo`) the source's sha256 and
 * the build's date, which is never the clock's in a git checkout, so that two
 * builds of the same inputs give the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildInfo, type BuildInfo } from '../site/about/build-info-fs';
import { editionVersion, type Edition } from './edition';

/**
 * The edition of the project in the working directory (Astro's root; see
 * readBuildInfo); `build` when the caller has read the build information
 * already (each reading runs git three times).
 */
export function readEdition(root = process.cwd(), build: BuildInfo = readBuildInfo(root)): Edition {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { version: editionVersion(pkg.version, build.sourceSha256), sourceSha256: build.sourceSha256, modified: `${build.date}T00:00:00Z` };
}

/**
 * The build information and the edition of the project at `root`, each read
 * on first use, the one from the other (git runs three times, not six).
 */
export function checkoutEdition(root = process.cwd()): { buildInfo: () => BuildInfo; edition: () => Edition } {
  let build: BuildInfo | undefined;
  let edition: Edition | undefined;
  const buildInfo = () => (build ??= readBuildInfo(root));
  return { buildInfo, edition: () => (edition ??= readEdition(root, buildInfo())) };
}
