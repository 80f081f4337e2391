/**
 * Nothing accepted is lost: a process killed with SIGKILL while it holds a document's lease leaves the document
 * queued, and the next process on the machine re-queues it at start (its holder is dead) and parses it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createDocumentService } from '../../src/service/index.ts';
import { openDatabase } from '../../src/service/store/db.ts';
import { ensureWorkspace } from '../../src/service/store/keys.ts';
import { BACKENDS, testDatabase, until } from './helpers.ts';

const CHILD = new URL('./fixtures/crash-child.ts', import.meta.url).pathname;

for (const backend of BACKENDS) {
  test(`a document whose process was killed mid-parse is parsed by the next process (${backend})`, async () => {
    const database = await testDatabase(backend);
    const { dataDir, databaseUrl } = database.config;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      const identifier = await until('the child to accept the document', async () => out.trim().match(/^[a-z]{8}$/)?.[0], 15_000);
      const { kysely } = await openDatabase(databaseUrl);
      try {
        // The runner marks the document 'parsing' once it holds the job (in either queue).
        await until('the child to claim the job', async () =>
          (await kysely.selectFrom('documents').select('status').where('identifier', '=', identifier).executeTakeFirst())?.status === 'parsing');
        child.kill('SIGKILL');
        await once(child, 'exit');
        const workspace = await ensureWorkspace(kysely, 'default');
        const service = await createDocumentService(database.config);
        try {
          const resume = await service.waitUntilReady(workspace, identifier, 20_000);
          assert.equal(resume.meta.ready, true);
          assert.equal(resume.meta.failed, false, JSON.stringify(resume.error));
          assert.equal(resume.data?.emails[0], 'casey@example.com');
        } finally {
          await service.close();
        }
      } finally {
        await kysely.destroy();
      }
    } finally {
      child.kill('SIGKILL');
      await database.cleanup();
    }
  });
}
