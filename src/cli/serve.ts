/**
 * `vitae serve`: the Affinda v2-compatible HTTP API, with the document service and (unless --workers 0)
 * its parse workers in this process. Stops gracefully on SIGTERM/SIGINT: no new requests, in-flight ones
 * finish, running parses finish or go back to the queue.
 */
import { buildApp } from '../service/api/app.ts';
import { ConfigError, createDocumentService, loadConfig } from '../service/index.ts';
import { untilStopSignal } from './signals.ts';
import { EXIT, parseCommandLine, positiveInteger, UsageError } from './usage.ts';

const HELP = `Usage: vitae serve [options]

Serves the Affinda v2 résumé API (POST/GET /v2/resumes, GET/PATCH/DELETE /v2/resumes/{identifier}),
/v2/openapi.json, /docs, /healthz and /readyz. Create an API key first: vitae keys create.

Options (each also an environment variable):
  -p, --port N              port (VITAE_PORT; default 8080)
      --host HOST           address to listen on (VITAE_HOST; default 127.0.0.1; 0.0.0.0 for all)
      --data DIR            data folder (VITAE_DATA_DIR; default ./vitae-data)
      --database URL        sqlite:<path> or postgres://user@host:5432/db (VITAE_DATABASE_URL)
      --workers N           parse worker threads (VITAE_WORKERS; default cores − 1; 0 = API only, with \`vitae worker\`s)
      --queue KIND          auto, embedded or pg-boss (VITAE_QUEUE; default auto: pg-boss on PostgreSQL)
      --allow-private-urls  let URL uploads reach private and loopback addresses (VITAE_ALLOW_PRIVATE_URLS)
  -h, --help                show this help

More settings by environment only: VITAE_PUBLIC_URL, VITAE_PARSE_TIMEOUT_MS, VITAE_WORKER_MEMORY_MB,
VITAE_MAX_UPLOAD_BYTES, VITAE_MAX_PAGES, VITAE_WAIT_TIMEOUT_MS, VITAE_URL_TIMEOUT_MS, VITAE_REJECT_DUPLICATES,
VITAE_HIGH_PRIORITY_PER_MINUTE, VITAE_LOG_LEVEL, and:
  VITAE_RATE_LIMIT_PER_MINUTE  requests per minute per API key, counted in each process (default 0: no limit);
                               over it, 429 with Retry-After
  VITAE_MAX_QUEUED             high-priority documents waiting or parsing before uploads that would join them
                               get 429 with Retry-After (default 0: no limit); lowPriority=true is still taken
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      workers: { type: 'string' },
      queue: { type: 'string' },
      'allow-private-urls': { type: 'boolean' },
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
      port: values.port === undefined ? undefined : positiveInteger('port', values.port),
      host: values.host,
      dataDir: values.data,
      databaseUrl: values.database,
      workers: values.workers === undefined ? undefined : /^\d+$/.test(values.workers) ? Number(values.workers) : Number.NaN,
      allowPrivateUrls: values['allow-private-urls'],
      queue: values.queue as 'auto' | 'embedded' | 'pg-boss' | undefined,
    });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  const service = await createDocumentService(config);
  const app = buildApp(service, config, { logger: { level: config.logLevel } });
  const address = await app.listen({ port: config.port, host: config.host });
  process.stderr.write(`vitae serve: listening on ${address} (data ${config.dataDir}, ${config.databaseUrl.split(':')[0]}, ${config.workers} workers)\n`);

  await untilStopSignal('serve');
  // No new connections (new requests get 503, which clients retry); running requests are answered, and `wait=true`
  // uploads at once with their document as it stands, so the caller polls (app.ts closes keep-alive connections).
  service.releaseWaiters();
  await app.close();
  // Running parses finish or go back to the queue; then the database closes.
  await service.close();
  return EXIT.ok;
}
