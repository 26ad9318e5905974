/**
 * The README's "What is where" against the tree: every file and folder it
 * names exists, every folder of `src/` and `src/site/` is named, and the map
 * of the flow is five lines a newcomer can follow (issue 12, item 7). A file
 * moved or renamed without the README fails here, not in a reader's hands.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const start = readme.indexOf('\n## What is where');
/** The section up to its first subsection (the lines-of-code history names files that are gone on purpose). */
const section = readme.slice(start, readme.indexOf('\n#', start + 1));
const [, flow = ''] = /The flow, one way:\n\n```\n([\s\S]*?)```/.exec(section) ?? [];
const table = section.slice(section.indexOf('| path | what |'));

const skipped = new Set(['.git', 'node_modules', 'dist', '.astro', 'tests/.tmp', 'src/content/generated']);
/** Every file of the project (relative, `/`-separated), build output and dependencies left out. */
function projectFiles(dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (skipped.has(rel)) return [];
    return entry.isDirectory() ? projectFiles(rel) : [rel];
  });
}
const files = projectFiles();
const baseNames = new Set(files.map((f) => path.posix.basename(f)));

/** The backticked names of `text`. */
const quoted = (text: string) => [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
const isPath = (name: string) => /^(src|content|scripts|tests|public|\.ci)\//.test(name);
const isFileName = (name: string) => /^[\w.-]+\.(ts|mjs|js|astro|json|css|webmanifest)$/.test(name);
/** A path as written, its placeholder or glob tail (`<stage>/…`, `*.txt`, `bench-*.ts`) cut off. */
const concrete = (name: string) => name.replace(/[<*{].*$/, '');

describe('README "What is where"', () => {
  it('names only files and folders that exist', () => {
    const named = quoted(table);
    const missingPaths = named.filter(isPath).filter((p) => !existsSync(path.join(root, concrete(p))));
    const missingFiles = named.filter((n) => isFileName(n) && !n.includes('*') && !baseNames.has(n));
    expect(missingPaths).toEqual([]);
    expect(missingFiles).toEqual([]);
    expect(named.filter(isPath).length).toBeGreaterThan(10);
  });

  it('names every folder of src/ and of src/site/', () => {
    const folders = (dir: string) =>
      readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory() && !skipped.has(`${dir}/${e.name}`) && e.name !== 'content')
        .map((e) => e.name);
    const named = new Set(quoted(table).map((n) => n.replace(/\/$/, '')));
    expect(folders('src').filter((f) => !named.has(`src/${f}`))).toEqual([]);
    expect(folders('src/site').filter((f) => !named.has(f))).toEqual([]);
  });

  it('maps the flow in five lines through folders that exist', () => {
    const lines = flow.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const paths = lines.flatMap((line) => line.match(/(?:src|content)\/[\w./*-]*/g) ?? []);
    expect(paths.filter((p) => !existsSync(path.join(root, concrete(p))))).toEqual([]);
    for (const folder of ['src/convert/', 'src/reviewed/', 'src/site/', 'src/search/']) expect(flow).toContain(folder);
  });
});
