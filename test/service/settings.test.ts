/** Periodic work shared by a deployment's processes: `claimTurn` lets exactly one of them run it per interval. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/service/store/db.ts';
import { claimTurn } from '../../src/service/store/settings.ts';
import { BACKENDS, testDatabase } from './helpers.ts';

for (const backend of BACKENDS) {
  test(`one turn per interval across processes, whoever asks (${backend})`, async () => {
    const database = await testDatabase(backend);
    // Four connections (pools) stand for four processes of one deployment.
    const processes = await Promise.all([1, 2, 3, 4].map(() => openDatabase(database.config.databaseUrl)));
    try {
      const t0 = new Date('2026-01-01T00:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const round = (ms: number) => Promise.all(processes.map((p) => claimTurn(p.kysely, 'sweep', 5000, at(ms))));
      assert.deepEqual((await round(0)).filter(Boolean).length, 1);
      // Within the interval nobody gets a turn, however many ask.
      assert.deepEqual((await round(4999)).filter(Boolean).length, 0);
      assert.deepEqual((await round(5000)).filter(Boolean).length, 1);
      // Another task's turns are its own.
      assert.equal(await claimTurn(processes[0]!.kysely, 'other', 5000, at(5001)), true);
    } finally {
      await Promise.all(processes.map((p) => p.kysely.destroy()));
      await database.cleanup();
    }
  });
}
