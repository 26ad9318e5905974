/**
 * `npm run convert -- --input FILE --out DIR`: converts a copy of the plan's
 * text into DIR/plan.json and DIR/docs/**.mdx. Exits 1 with the line and the
 * reason when the input is bad, leaving DIR as it was.
 */
import { parseArgs } from 'node:util';
import { convertFiles } from '../src/convert/convert-fs.ts';
import { SourceError } from '../src/convert/errors.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'content/source/beijing-14th-five-year-plan.txt' },
    out: { type: 'string', default: 'src/content/generated' },
    corrections: { type: 'string', default: 'content/corrections.json' },
    decisions: { type: 'string', default: 'content/structure-decisions.json' },
    'box-mentions': { type: 'string', default: 'content/data/box-mentions.json' },
    quiet: { type: 'boolean', default: false },
  },
});

try {
  const started = performance.now();
  const report = await convertFiles({
    input: values.input,
    out: values.out,
    corrections: values.corrections,
    decisions: values.decisions,
    boxMentions: values['box-mentions'],
  });
  if (!values.quiet) {
    const { toc: _toc, ...counts } = report;
    console.log(
      `converted ${values.input} → ${values.out} in ${Math.round(performance.now() - started)} ms: ` +
        Object.entries(counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
    );
  }
} catch (e) {
  if (e instanceof SourceError) {
    console.error(`error: ${values.input}: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
