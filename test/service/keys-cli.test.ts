/** `vitae keys` as a user runs it: a child process on a data folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run-cli.ts';
import { createDocumentService } from '../../src/service/index.ts';
import { loadConfig } from '../../src/service/config.ts';

test('create prints the key alone; list shows prefixes; revoke ends it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vitae-keys-'));
  try {
    const created = await runCli(['keys', 'create', '--data', dir, '--workspace', 'acme']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^vitae_[0-9A-Za-z]{32}\n$/);
    const key = created.stdout.trim();
    const service = await createDocumentService(loadConfig({ dataDir: dir }, {}), { runWorkers: false });
    try {
      assert.equal((await service.authenticate(key))?.name, 'acme');
      const listed = await runCli(['keys', 'list', '--data', dir]);
      assert.match(listed.stdout, new RegExp(`${key.slice(0, 12)}…\\s+acme\\s+\\S+\\s+-`));
      assert.ok(!listed.stdout.includes(key));
      const revoked = await runCli(['keys', 'revoke', key.slice(0, 10), '--data', dir]);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(await service.authenticate(key), null);
      assert.equal((await runCli(['keys', 'revoke', key, '--data', dir])).code, 1);
      assert.equal((await runCli(['keys', 'rotate', '--data', dir])).code, 2);
    } finally {
      await service.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
