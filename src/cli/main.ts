/**
 * `vitae <command> [options]`: dispatches to one module per command (loaded lazily, so `--version` and
 * `--help` do not pay for loading the pipeline). Returns the process exit code.
 */
import { readFileSync } from 'node:fs';
import { EXIT, UsageError, type Command } from './usage.ts';

const COMMANDS: Command[] = [
  { name: 'parse', summary: 'parse résumés into Affinda v2 JSON', load: () => import('./parse.ts') },
  { name: 'serve', summary: 'serve the Affinda v2-compatible HTTP API', load: () => import('./serve.ts') },
  { name: 'worker', summary: 'parse queued documents for the API processes (no HTTP)', load: () => import('./worker.ts') },
  { name: 'pipeline', summary: 'list the pipeline components and what each creates', load: () => import('./pipeline.ts') },
  { name: 'keys', summary: 'create, list and revoke API keys for the service', load: () => import('./keys.ts') },
];

const HELP = `Usage: vitae <command> [options]

Self-hosted résumé parser with Affinda v2-compatible output. Nothing leaves this machine.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help (or \`vitae <command> --help\`)
  -v, --version  print the version (also \`vitae version\`)

Exit codes: 0 success, 1 at least one document failed, 2 usage error.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(HELP);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    // `vitae help parse` is `vitae parse --help`.
    if (first === 'help' && rest[0]) return main([rest[0], '--help']);
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  // `version` too, because `npx vitae --version` prints npm's own version.
  if (first === '-v' || first === '--version' || first === 'version') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  try {
    if (!command) throw new UsageError(`unknown command "${first}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return await (await command.load()).run(rest);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const help = command ? `vitae ${command.name} --help` : 'vitae --help';
    process.stderr.write(`vitae${command ? ` ${command.name}` : ''}: ${err.message}\nRun '${help}' for usage.\n`);
    return EXIT.usage;
  }
}
