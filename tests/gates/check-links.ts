/**
 * The link gate: every internal link of the built site resolves — `href`,
 * `src` and meta-refresh targets on every page, to a file of the build, under
 * the deployment base, and to an element with that id when it names a
 * `#fragment` — and the web app manifest's icons and start URL exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withBase } from '../../src/site/site-paths';
import { attributeValues, fileForPath, htmlFiles, idsOf, pathOfFile } from '../site/html';

/** Where a build without SITE_URL is taken to be served from (a name no build writes). */
const ANY_ORIGIN = 'http://served.invalid';

/** Which build a link check reads, and how much of it. */
export interface LinkCheckOptions {
  /** The build's SITE_URL, if it has one: absolute links to it (canonical, og:url) are internal links too. */
  siteUrl?: string;
  /** The pages whose links are checked (paths relative to the build); every page when omitted. */
  pages?: readonly string[];
}

/**
 * Every broken internal link of the build in `dir` deployed at `base`, as
 * `file: target (reason)`; empty when all resolve. Asynchronous: it lets the
 * worker's event loop run between pages, as a whole build's pages take longer
 * on a loaded machine than vitest's RPC waits for a blocked worker.
 */
export async function brokenLinks(dir: string, base: string, options: LinkCheckOptions = {}): Promise<string[]> {
  const site = new URL(options.siteUrl ?? ANY_ORIGIN);
  const idCache = new Map<string, Set<string>>();
  const idsIn = (file: string): Set<string> => {
    if (!idCache.has(file)) idCache.set(file, new Set(idsOf(readFileSync(file, 'utf8'))));
    return idCache.get(file)!;
  };
  const broken: string[] = [];
  const check = (from: string, target: string, pageUrl: URL) => {
    const url = new URL(target, pageUrl);
    if (url.origin !== site.origin || !/^https?:$/.test(url.protocol)) return;
    if (!url.pathname.startsWith(base)) {
      broken.push(`${from}: ${target} (outside base ${base})`);
      return;
    }
    const sitePath = '/' + url.pathname.slice(base.length);
    // Starlight's 404 page names its canonical URL /404/; it is served from 404.html.
    const file = fileForPath(dir, sitePath === '/404/' ? '/404.html' : sitePath);
    if (!existsSync(file)) {
      broken.push(`${from}: ${target}`);
      return;
    }
    // A text fragment (#:~:text=…) names words, not an id.
    const fragment = url.hash.startsWith('#:~:') ? '' : decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
    if (fragment && file.endsWith('.html') && !idsIn(file).has(fragment)) {
      broken.push(`${from}: ${target} (no #${fragment})`);
    }
  };
  for (const rel of options.pages ?? htmlFiles(dir)) {
    await new Promise((resolve) => setImmediate(resolve));
    const html = readFileSync(path.join(dir, rel), 'utf8');
    const pageUrl = new URL(withBase(pathOfFile(rel), base), site);
    const refresh = [...html.matchAll(/http-equiv="refresh" content="\d+; url=([^"]+)"/g)].map((m) => m[1]!);
    for (const target of [...attributeValues(html, 'href'), ...attributeValues(html, 'src'), ...refresh]) {
      check(rel, target, pageUrl);
    }
  }
  const manifestFile = path.join(dir, 'manifest.webmanifest');
  if (options.pages === undefined && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { start_url?: string; icons?: { src: string }[] };
    const manifestUrl = new URL(withBase('/manifest.webmanifest', base), site);
    for (const target of [manifest.start_url ?? './', ...(manifest.icons ?? []).map((icon) => icon.src)]) {
      check('manifest.webmanifest', target, manifestUrl);
    }
  }
  return broken;
}
