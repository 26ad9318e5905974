import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { decodeSource } from './decode-source.ts';
import { convertPlan, type ConvertReport } from './convert-plan.ts';
import { correctionsSchema } from './apply-corrections.ts';
import { structureDecisionsSchema } from '../reviewed/structure-decisions.ts';
import { planToMdxPages, serializeMdxPage } from './build-mdx.ts';
import { SourceError } from './errors.ts';
import { boxMentionsDataSchema, NO_BOX_MENTIONS } from './box-mentions.ts';

/** Where the converter reads and writes. */
export interface ConvertPaths {
  input: string;
  out: string;
  corrections: string;
  decisions: string;
  /** Reviewed short forms of the boxes' programs (`content/data/box-mentions.json`); none when omitted. */
  boxMentions?: string;
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new SourceError(null, `${path}: cannot read it as JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourceError(null, `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Reads the plan, converts it and writes `plan.json` and the MDX pages under
 * `out`. The output is built in a sibling temporary folder and swapped in by
 * rename only when everything succeeded, so a failed run leaves the previous
 * output untouched.
 */
export async function convertFiles(paths: ConvertPaths): Promise<ConvertReport> {
  const bytes = await readFile(paths.input).catch((e: NodeJS.ErrnoException) => {
    throw new SourceError(null, `${paths.input}: cannot read the input (${e.code ?? e.message})`);
  });
  const [corrections, decisions, boxMentions] = await Promise.all([
    readJson(paths.corrections, correctionsSchema),
    readJson(paths.decisions, structureDecisionsSchema),
    paths.boxMentions === undefined ? NO_BOX_MENTIONS : readJson(paths.boxMentions, boxMentionsDataSchema),
  ]);
  const { plan, report } = convertPlan(decodeSource(bytes), { corrections, decisions });
  const files = new Map<string, string>([['plan.json', JSON.stringify(plan, null, 1) + '\n']]);
  for (const page of planToMdxPages(plan, { boxMentions })) files.set(join('docs', page.path), serializeMdxPage(page));

  const out = resolve(paths.out);
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
