/**
 * The policy gate on the built HTML: each page carries one
 * Content-Security-Policy meta, before any script or style, that allows only
 * the site's own files, Pagefind's wasm and the page's own inline code by
 * hash — and there is no inline event handler anywhere.
 */
import { CSP_HTTP_EQUIV, findInlineEventHandlers, inlineCode, sha256Source } from '../../src/site/integrations/content-security-policy';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

/** A policy as directive name → sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const HASH = /^'sha256-[A-Za-z0-9+/]+=*'$/;
/** Sources each directive may have besides hashes; anything else is a finding. */
const ALLOWED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-hashes'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** What is wrong with the policy of one page (empty when nothing). */
export function cspProblems(html: string): string[] {
  const problems = findInlineEventHandlers(html).map((h) => `inline event handler ${h}`);
  const root = fromHtml(html);
  const metas = selectAll('meta[http-equiv][content]', root).filter(
    (m) => String(m.properties.httpEquiv).toLowerCase() === CSP_HTTP_EQUIV.toLowerCase(),
  );
  if (metas.length !== 1) return [...problems, `${metas.length} policy metas`];
  const meta = metas[0]!;
  const firstCode = selectAll('script, style, link[rel~="stylesheet"]', root)[0];
  if (firstCode && firstCode.position!.start.offset! < meta.position!.start.offset!) problems.push('a script or style comes before the policy');
  const policy = parsePolicy(String(meta.properties.content));
  for (const name of ['default-src', 'script-src', 'style-src', 'object-src', 'base-uri']) {
    if (!policy.has(name)) problems.push(`no ${name}`);
  }
  for (const [name, sources] of policy) {
    const allowed = ALLOWED[name];
    if (!allowed) {
      problems.push(`unexpected directive ${name}`);
      continue;
    }
    for (const source of sources) {
      const hashOk = (name === 'script-src' || name === 'style-src') && HASH.test(source);
      if (!hashOk && !allowed.includes(source)) problems.push(`${name} allows ${source}`);
    }
  }
  const code = inlineCode(html);
  const scriptSources = new Set(policy.get('script-src') ?? []);
  const styleSources = new Set(policy.get('style-src') ?? []);
  for (const script of code.scripts) {
    if (!scriptSources.has(sha256Source(script))) problems.push(`inline script not allowed by hash: ${script.trim().slice(0, 60)}`);
  }
  for (const style of [...code.styles, ...code.styleAttributes]) {
    if (!styleSources.has(sha256Source(style))) problems.push(`inline style not allowed by hash: ${style.trim().slice(0, 60)}`);
  }
  return problems;
}
