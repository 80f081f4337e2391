/** `vitae parse`: résumé files and folders → Affinda v2 Resume JSON, with a summary on stderr. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Resume } from '../affinda/types.ts';
import { collectInputs } from './inputs.ts';
import { createOutput } from './output.ts';
import { failedResume, parseFileWithin, type ParseJob } from '../workers/parse-file.ts';
import type { Input } from './archive-inputs.ts';
import { DEFAULT_TIMEOUT_MS, readSettings, type ParseSettings } from './parse-settings.ts';
import { ParsePool } from '../workers/pool.ts';
import { ProgressBar } from './progress.ts';
import { summary } from './summary.ts';
import { EXIT } from './usage.ts';

const HELP = `Usage: vitae parse <file|folder>... [options]

Parses résumés into Affinda v2 Resume JSON: {"data", "meta", "error"} per document.
Folders are walked recursively: hidden entries and *.json are ignored, and files whose type is not
recognised from their bytes are skipped (and counted). A file named on the command line is always
parsed; if its type is not supported, that document fails with unsupported_file_type.
A ZIP archive (named or in a folder) stands for the résumés inside it, in the archive's order, labelled
<archive>/<entry>; nested archives are skipped, and a hostile one (over 100 entries, an entry declaring over
20 MB or all over 100 MB, an encrypted entry, a name with "..") fails as one document.

Output, on stdout unless --out is given:
  one file named             one JSON object
  a folder, or several       a JSON array, in input order
  --ndjson                   one JSON object per line, in the order documents finish

Options:
  -o, --out DIR              write <name>.json per document into DIR instead (a clash gets -2, -3…)
      --ndjson               newline-delimited JSON (not with --out or --pretty)
      --pretty               indent the JSON
      --format F             affinda (default): Affinda v2 Resume JSON; json-resume: a JSON Resume
                             document per résumé (https://jsonresume.org/schema; a failure prints {"error"})
  -j, --concurrency N        worker threads (default: ${availableParallelism()}, the available parallelism);
                             a single document is parsed in this process
      --timeout MS           time limit per document (default: ${DEFAULT_TIMEOUT_MS}); over it, the document
                             fails with processing_timeout
      --language xx          the documents' language (ISO 639-1), when known
      --region-bias JSON     Affinda's regionBias, e.g. '{"country":"au"}' or '{"countries":["gb","ie"]}'
  -h, --help                 show this help

A summary goes to stderr, after a progress bar when stderr is a terminal.
Exit codes: 0 every document parsed, 1 at least one failed (see its "error"), 2 usage error.
`;

export async function run(args: string[]): Promise<number> {
  const settings = readSettings(args);
  if (settings.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const started = performance.now();
  const { files: inputs, skipped } = await collectInputs(settings.inputs);
  const files = inputs.map((input) => input.label);
  // An archive prints an array, whatever it holds: only a file on disk named alone prints an object.
  const single = settings.inputs.length === 1 && inputs.length === 1 && 'path' in inputs[0]!.source && files[0] === settings.inputs[0];
  const output = await createOutput({ ...settings, single }, files);
  const progress = files.length > 1 && process.stderr.isTTY ? new ProgressBar(files.length, process.stderr) : null;
  const failures: Array<{ file: string; code: string }> = [];
  const warnings: string[] = [];
  await parseAll(inputs, settings, async (index, resume) => {
    await output.write(index, resume);
    if (resume.error.errorCode) failures.push({ file: files[index]!, code: resume.error.errorCode });
    // A document parsed only in part (too_many_pages) succeeded, but its reader should know what was left out.
    for (const w of resume.meta.warnings ?? []) warnings.push(`vitae parse: ${files[index]}: ${w.warningDetail} (${w.warningCode})\n`);
    progress?.tick(resume.error.errorCode != null);
  });
  progress?.clear();
  output.end();
  process.stderr.write(warnings.join(''));
  process.stderr.write(summary(files.length, failures, skipped.length, (performance.now() - started) / 1000));
  return failures.length > 0 ? EXIT.documentFailed : EXIT.ok;
}

/** One document: in this process (no worker start-up). Several: a worker pool, so one bad file cannot stop the run. */
async function parseAll(inputs: Input[], settings: ParseSettings, done: (index: number, resume: Resume) => Promise<void>): Promise<void> {
  const jobs = inputs.map(({ label, source }) => ({ source, options: { ...settings.options, fileName: path.basename(label) } }));
  // A refused archive fails without a parse.
  const parse = async ({ source, options }: (typeof jobs)[number], run: (job: ParseJob) => Promise<Resume>) =>
    'error' in source ? failedResume(options, source.error.code, source.error.message) : run({ ...source, options });
  if (jobs.length === 1) return done(0, await parse(jobs[0]!, (job) => parseFileWithin(job, settings.timeoutMs)));
  const pool = new ParsePool({ size: Math.min(settings.concurrency, jobs.length), timeoutMs: settings.timeoutMs });
  try {
    await Promise.all(jobs.map(async (job, index) => done(index, await parse(job, (j) => pool.parse(j)))));
  } finally {
    await pool.close();
  }
}
