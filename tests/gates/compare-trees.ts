/** Byte-for-byte comparison of two build outputs. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (relative, POSIX separators) with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** The differences between two trees: `only in a: F`, `only in b: F`, `differs: F`; sorted. */
export function treeDifferences(a: string, b: string): string[] {
  const left = fileHashes(a);
  const right = fileHashes(b);
  const out: string[] = [];
  for (const [file, hash] of left) {
    if (!right.has(file)) out.push(`only in first: ${file}`);
    else if (right.get(file) !== hash) out.push(`differs: ${file}`);
  }
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in second: ${file}`);
  return out.sort();
}
