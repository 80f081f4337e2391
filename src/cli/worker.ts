/**
 * `vitae worker`: parses queued documents and nothing else — no HTTP. Run any number of them, on any machines,
 * beside `vitae serve --workers 0` processes, against one PostgreSQL (jobs through pg-boss) and one file folder
 * that every process reaches. Stops gracefully on SIGTERM/SIGINT: running parses finish or go back to the queue.
 */
import { ConfigError, createDocumentService, loadConfig } from '../service/index.ts';
import { untilStopSignal } from './signals.ts';
import { EXIT, parseCommandLine, positiveInteger, UsageError } from './usage.ts';

const HELP = `Usage: vitae worker [options]

Parses the documents the API processes queue. For a cluster: one PostgreSQL, a data folder every process
mounts, any number of \`vitae serve --workers 0\` and \`vitae worker\` processes.

Options (each also an environment variable):
      --database URL   postgres://user@host:5432/db (VITAE_DATABASE_URL); sqlite:<path> works for one machine
      --data DIR       data folder holding the uploaded files, shared by every process (VITAE_DATA_DIR; default ./vitae-data)
      --workers N      parse worker threads (VITAE_WORKERS; default cores − 1)
      --queue KIND     auto, embedded or pg-boss (VITAE_QUEUE; default auto: pg-boss on PostgreSQL)
  -h, --help           show this help

More settings by environment only: VITAE_PARSE_TIMEOUT_MS, VITAE_WORKER_MEMORY_MB, VITAE_MAX_PAGES,
VITAE_URL_TIMEOUT_MS, VITAE_ALLOW_PRIVATE_URLS, VITAE_MAX_UPLOAD_BYTES.
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      workers: { type: 'string' },
      queue: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  let config;
  try {
    config = loadConfig({
      dataDir: values.data,
      databaseUrl: values.database,
      workers: values.workers === undefined ? undefined : positiveInteger('workers', values.workers),
      queue: values.queue as 'auto' | 'embedded' | 'pg-boss' | undefined,
    });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  if (config.workers < 1) throw new UsageError('a worker needs at least one parse thread (--workers or VITAE_WORKERS ≥ 1).');
  const service = await createDocumentService(config);
  process.stderr.write(`vitae worker: parsing with ${config.workers} threads (data ${config.dataDir}, ${config.databaseUrl.split(':')[0]}, pid ${process.pid})\n`);
  await untilStopSignal('worker');
  await service.close();
  return EXIT.ok;
}
