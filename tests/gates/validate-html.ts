/**
 * The HTML gate: html-validate over built pages with a deliberate rule set
 * (the id contract — section-K, box-N, page-P — depends on ids being unique
 * on a page: the recommended rule no-dup-id checks it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

/**
 * `html-validate:recommended` (content models, nesting, attributes, ARIA,
 * duplicate ids, …) with these rules changed, each for a reason:
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Style only: `<meta …/>` and `<meta …>` are both valid HTML, and Astro
    // and Starlight emit a mix of the two.
    'void-style': 'off',
    // Guards against accidental form submission. Starlight's buttons (search,
    // menu, theme) stand outside any form, where the type changes nothing.
    'no-implicit-button-type': 'off',
    // Starlight renders the on-page TOC twice (phone and desktop), each a
    // <nav> named 本页内容; CSS shows exactly one, which html-validate cannot
    // see. The accessibility gate checks landmarks on the rendered page with
    // axe-core (landmark-unique), where the hidden one does not count.
    'unique-landmark': 'off',
    // Starlight sets icon sizes and sidebar depths in style attributes; the
    // Content-Security-Policy allows exactly those values by hash.
    'no-inline-style': 'off',
    // HTML allows any id without whitespace; Starlight's h1 is id="_top".
    'valid-id': ['error', { relaxed: true }],
    // Tables restacked for phones (display: block on rows and cells) keep
    // their table semantics in WebKit only through explicit ARIA roles, so
    // role="table" on a <table> is deliberate there.
    'no-redundant-role': 'off',
    // A scrollable table wrapper is a focusable <div role="region"> named by
    // its caption: as accessible as a <section>, and the common pattern.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // Checkboxes of one filter group share their name by design: the form
    // submits every checked value (`?type=正文&type=专栏`).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

/** html-validate's errors for the given files of `dir`, as `file:line:col rule: message`. */
export async function htmlErrors(dir: string, files: readonly string[]): Promise<string[]> {
  const errors: string[] = [];
  for (const rel of files) {
    // Let the worker's event loop run between pages: a long synchronous
    // stretch on a loaded machine starves vitest's RPC until it times out.
    await new Promise((resolve) => setImmediate(resolve));
    const report = await validator.validateString(readFileSync(path.join(dir, rel), 'utf8'), rel);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) errors.push(`${rel}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return errors;
}
