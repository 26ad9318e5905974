/**
 * `npm run convert -- --input FILE --out DIR`: converts a copy of the plan's
 * text into DIR/plan.json and DIR/docs/**.mdx. Exit codes: 0 done (or
 * --help), 1 bad input (the file, the line and the reason; DIR left as it
 * was) or an output folder it may not replace, 2 a wrong command line (the
 * usage and one line of error).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { convertFiles, InputFileError, OutputFolderError } from '../src/convert/convert-fs.ts';

export const USAGE = `usage: npm run convert -- [options]

Converts a UTF-8 text extraction of the plan into OUT/plan.json and
OUT/docs/part-N/*.mdx. OUT must be new, empty, or hold only the output
of an earlier run (it is replaced whole).

options:
  --input FILE         the plan's text (default content/source/beijing-14th-five-year-plan.txt)
  --out DIR            the output folder (default src/content/generated)
  --corrections FILE   reviewed repairs of the text (default content/corrections.json)
  --decisions FILE     reviewed structure decisions (default content/structure-decisions.json)
  --box-mentions FILE  reviewed short forms of the boxes' programs (default content/data/box-mentions.json)
  --quiet              print nothing on success
  -h, --help           print this and exit`;

const OPTIONS = {
  input: { type: 'string', default: 'content/source/beijing-14th-five-year-plan.txt' },
  out: { type: 'string', default: 'src/content/generated' },
  corrections: { type: 'string', default: 'content/corrections.json' },
  decisions: { type: 'string', default: 'content/structure-decisions.json' },
  'box-mentions': { type: 'string', default: 'content/data/box-mentions.json' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Where the command writes: stdout and stderr, one call a line. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The one-line reason parseArgs gives, in the command's own words. */
function argumentError(e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return OPTIONS[option?.replace(/^--/, '') as keyof typeof OPTIONS]?.type === 'string'
        ? `${option} needs a value`
        : `${option} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(e.message)?.[1] ?? ''} (every argument is an --option)`;
    default:
      return e.message.split('\n')[0]!;
  }
}

/** Runs the command with `args` (without node and the script); returns the exit code. */
export async function main(args: string[], output: Output = { out: console.log, err: console.error }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    output.err(USAGE);
    output.err(`error: ${argumentError(e as Error)}`);
    return 2;
  }
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
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
      output.out(
        `converted ${values.input} → ${values.out} in ${Math.round(performance.now() - started)} ms: ` +
          Object.entries(counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', '),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof InputFileError || e instanceof OutputFolderError) {
      output.err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
