/** `vitae pipeline`: lists the pipeline's components in order, with what each one creates. */
import { COMPONENTS } from '../pipeline/components.ts';
import { EXIT, parseCommandLine } from './usage.ts';

const HELP = `Usage: vitae pipeline

Lists the pipeline's components in the order they run, with the stage each belongs to and what it adds
to the document.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandLine({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const width = Math.max(...COMPONENTS.map((c) => c.name.length));
  for (const c of COMPONENTS) process.stdout.write(`${c.stage.padEnd(10)} ${c.name.padEnd(width)}  ${c.creates}\n`);
  return EXIT.ok;
}
