/**
 * Which edition a download is: the site's version, the source text it was
 * converted from, and when it was last changed. Read from disk by
 * `edition-fs.ts`; the builders take it as data.
 */

/** The edition a download was built as. */
export interface Edition {
  /** `package version+first 8 hex digits of the source's sha256` (`0.1.0+9cb5acb5`). */
  version: string;
  /** SHA-256 of content/source/beijing-14th-five-year-plan.txt, hex. */
  sourceSha256: string;
  /** When the edition last changed, `YYYY-MM-DDThh:mm:ssZ` (the build's date at midnight UTC, see edition-fs.ts). */
  modified: string;
}

/** The edition's version string. */
export function editionVersion(packageVersion: string, sourceSha256: string): string {
  return `${packageVersion}+${sourceSha256.slice(0, 8)}`;
}
