/** `vitae keys`: create, list and revoke API keys in the service's database. */
import { loadConfig, ConfigError } from '../service/config.ts';
import { openDatabase } from '../service/store/db.ts';
import { createKey, listKeys, revokeKey } from '../service/store/keys.ts';
import { EXIT, parseCommandLine, UsageError } from './usage.ts';

const HELP = `Usage: vitae keys <create|list|revoke> [options]

  vitae keys create [--workspace NAME]   print a new API key (alone on stdout, for scripts)
  vitae keys list                        prefix, workspace, created, revoked
  vitae keys revoke <prefix-or-key>      revoke one key

Options:
      --workspace NAME   the key's workspace, created if new (default: default)
      --data DIR         data folder (VITAE_DATA_DIR; default ./vitae-data)
      --database URL     sqlite:<path> or postgres://… (VITAE_DATABASE_URL; default sqlite in the data folder)
  -h, --help             show this help

Only a hash of each key is stored: a key is shown once, when created.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: 'string', default: 'default' },
      data: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const [action, target, ...extra] = positionals;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UsageError('expected create, list or revoke.');
  if (action === 'revoke' ? !target || extra.length > 0 : target !== undefined) throw new UsageError(`unexpected arguments for "keys ${action}".`);
  let config;
  try {
    config = loadConfig({ dataDir: values.data, databaseUrl: values.database });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  const { kysely } = await openDatabase(config.databaseUrl);
  try {
    if (action === 'create') {
      process.stdout.write(`${await createKey(kysely, values.workspace)}\n`);
      return EXIT.ok;
    }
    if (action === 'list') {
      process.stdout.write(formatKeys(await listKeys(kysely)));
      return EXIT.ok;
    }
    const result = await revokeKey(kysely, target!);
    if ('revoked' in result) {
      process.stderr.write(`Revoked ${result.revoked}…\n`);
      return EXIT.ok;
    }
    const why = { not_found: 'no key matches', ambiguous: 'several keys match; give more characters', already_revoked: 'that key is already revoked' };
    process.stderr.write(`vitae keys: ${why[result.problem]} ("${target}").\n`);
    return EXIT.documentFailed;
  } finally {
    await kysely.destroy();
  }
}

function formatKeys(keys: Awaited<ReturnType<typeof listKeys>>): string {
  const rows = [['PREFIX', 'WORKSPACE', 'CREATED', 'REVOKED'], ...keys.map((k) => [`${k.prefix}…`, k.workspace, k.createdDt, k.revokedDt ?? '-'])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
