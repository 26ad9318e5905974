import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { decodeSource } from './decode-source.ts';
import { convertPlan, type ConvertReport } from './convert-plan.ts';
import { correctionsSchema } from '../reviewed/corrections.ts';
import { structureDecisionsSchema } from '../reviewed/structure-decisions.ts';
import { isMdxPagePath, planToMdxPages, serializeMdxPage } from './build-mdx.ts';
import { SourceError } from './errors.ts';
import { boxMentionsDataSchema, NO_BOX_MENTIONS } from '../reviewed/box-mentions.ts';

/** Where the converter reads and writes. */
export interface ConvertPaths {
  input: string;
  out: string;
  corrections: string;
  decisions: string;
  /** Reviewed short forms of the boxes' programs (`content/data/box-mentions.json`); none when omitted. */
  boxMentions?: string;
}

/**
 * Bad input in a file the converter reads: the input text or a reviewed file.
 * The message names the file once, then the line (if any) and the reason.
 */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly error: SourceError,
  ) {
    super(`${file}: ${error.message}`);
    this.name = 'InputFileError';
  }
}

/** An output folder the converter may not replace (it holds files the converter did not write): it is left alone. */
export class OutputFolderError extends Error {
  constructor(
    readonly folder: string,
    reason: string,
  ) {
    super(`${folder}: ${reason}; give --out a new or empty folder, or one holding only plan.json and docs/ from an earlier run`);
    this.name = 'OutputFolderError';
  }
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new InputFileError(path, new SourceError(null, `cannot read it as JSON (${(e as Error).message})`));
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputFileError(path, new SourceError(null, `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}

/** The document model's file in the output folder. */
const PLAN_FILE = 'plan.json';
/** The folder of the MDX pages in the output folder. */
const DOCS_FOLDER = 'docs';
/** What the converter writes under its output folder: plan.json and the pages under docs/. */
const isOwnFile = (file: string): boolean => file === PLAN_FILE || (file.startsWith(`${DOCS_FOLDER}/`) && isMdxPagePath(file.slice(DOCS_FOLDER.length + 1)));

/** Refuses `out` unless it is missing, empty, or holds only what the converter writes. */
async function checkOutputFolder(out: string, shown: string): Promise<void> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    if (e.code === 'ENOTDIR') throw new OutputFolderError(shown, 'it is a file, not a folder');
    throw e;
  });
  const foreign = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(out, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !isOwnFile(file))
    .sort();
  if (foreign.length > 0) {
    const list = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    throw new OutputFolderError(shown, `it holds files the converter did not write (${list})`);
  }
}

/**
 * Reads the plan, converts it and writes `plan.json` and the MDX pages under
 * `out`. The output is built in a sibling temporary folder and swapped in by
 * rename only when everything succeeded, so a failed run leaves the previous
 * output untouched. The swap replaces the whole folder, so a folder holding
 * anything but an earlier run's output is refused (OutputFolderError) before
 * anything is written: the converter never deletes a file it did not write.
 */
export async function convertFiles(paths: ConvertPaths): Promise<ConvertReport> {
  const out = resolve(paths.out);
  await checkOutputFolder(out, paths.out);
  const bytes = await readFile(paths.input).catch((e: NodeJS.ErrnoException) => {
    const reason = { ENOENT: 'no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied' }[e.code ?? ''];
    throw new InputFileError(paths.input, new SourceError(null, `cannot read it: ${reason ?? e.message}`));
  });
  const [corrections, decisions, boxMentions] = await Promise.all([
    readJson(paths.corrections, correctionsSchema),
    readJson(paths.decisions, structureDecisionsSchema),
    paths.boxMentions === undefined ? NO_BOX_MENTIONS : readJson(paths.boxMentions, boxMentionsDataSchema),
  ]);
  let converted: ReturnType<typeof convertPlan>;
  try {
    converted = convertPlan(decodeSource(bytes), { corrections, decisions });
  } catch (e) {
    throw e instanceof SourceError ? new InputFileError(paths.input, e) : e;
  }
  const { plan, report } = converted;
  const files = new Map<string, string>([[PLAN_FILE, JSON.stringify(plan, null, 1) + '\n']]);
  for (const page of planToMdxPages(plan, { boxMentions })) files.set(join(DOCS_FOLDER, page.path), serializeMdxPage(page));

  const tmp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      await mkdir(dirname(join(tmp, name)), { recursive: true });
      await writeFile(join(tmp, name), content);
    }
    await mkdir(dirname(out), { recursive: true });
    const hadOld = await rename(out, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await rename(tmp, out);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return report;
}
