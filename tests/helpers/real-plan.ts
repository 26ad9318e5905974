/** The embedded plan, converted once per test file with the reviewed corrections and decisions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertPlan } from '../../src/convert/convert-plan.ts';
import { decodeSource } from '../../src/convert/decode-source.ts';
import { correctionsSchema } from '../../src/reviewed/corrections.ts';
import { structureDecisionsSchema } from '../../src/reviewed/structure-decisions.ts';
import { boxMentionsDataSchema } from '../../src/reviewed/box-mentions.ts';

export const repoRoot = join(import.meta.dirname, '../..');
export const sourcePath = join(repoRoot, 'content/source/beijing-14th-five-year-plan.txt');
export const sourceBytes = readFileSync(sourcePath);
export const sourceText = decodeSource(sourceBytes);
export const corrections = correctionsSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'content/corrections.json'), 'utf8')));
export const decisions = structureDecisionsSchema.parse(
  JSON.parse(readFileSync(join(repoRoot, 'content/structure-decisions.json'), 'utf8')),
);
export const { plan, report } = convertPlan(sourceText, { corrections, decisions });
export const boxMentions = boxMentionsDataSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'content/data/box-mentions.json'), 'utf8')));
