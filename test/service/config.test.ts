import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/service/config.ts';

test('defaults, then environment, then flags', () => {
  const defaults = loadConfig({}, {});
  assert.equal(defaults.databaseUrl, `sqlite:${path.join('vitae-data', 'vitae.db')}`);
  assert.equal(defaults.port, 8080);
  assert.equal(defaults.host, '127.0.0.1');
  assert.equal(defaults.allowPrivateUrls, false);
  assert.equal(defaults.highPriorityPerMinute, 0);
  assert.ok(defaults.workers >= 1);
  const env = { VITAE_DATA_DIR: '/srv/v', VITAE_PORT: '9000', VITAE_ALLOW_PRIVATE_URLS: 'TRUE', VITAE_REJECT_DUPLICATES: '1', VITAE_WORKERS: '0' };
  const fromEnv = loadConfig({}, env);
  assert.equal(fromEnv.databaseUrl, 'sqlite:/srv/v/vitae.db');
  assert.deepEqual([fromEnv.port, fromEnv.allowPrivateUrls, fromEnv.rejectDuplicatesDefault, fromEnv.workers], [9000, true, true, 0]);
  const flagged = loadConfig({ port: 7000, allowPrivateUrls: false, databaseUrl: 'postgres://db/vitae' }, env);
  assert.deepEqual([flagged.port, flagged.allowPrivateUrls, flagged.databaseUrl], [7000, false, 'postgres://db/vitae']);
});

test('clear errors', () => {
  assert.throws(() => loadConfig({}, { VITAE_PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /VITAE_PORT must be a whole number/.test(e.message));
  assert.throws(() => loadConfig({}, { VITAE_ALLOW_PRIVATE_URLS: 'yes' }), /VITAE_ALLOW_PRIVATE_URLS must be true, false, 1 or 0/);
  assert.throws(() => loadConfig({ databaseUrl: 'mysql://x' }, {}), /must start with sqlite: or postgres:\/\//);
  assert.throws(() => loadConfig({ maxPages: 0 }, {}), /maxPages \(VITAE_MAX_PAGES\) must be at least 1/);
});

test('signed links: a lifetime (default a day) and an optional secret, long enough to resist guessing', () => {
  assert.equal(loadConfig({}, {}).linkTtlSeconds, 86_400);
  assert.equal(loadConfig({}, {}).secret, null);
  const secret = 's'.repeat(32);
  const fromEnv = loadConfig({}, { VITAE_LINK_TTL_SECONDS: '600', VITAE_SECRET: secret });
  assert.deepEqual([fromEnv.linkTtlSeconds, fromEnv.secret], [600, secret]);
  assert.throws(() => loadConfig({}, { VITAE_SECRET: 'short' }), /VITAE_SECRET\) must be at least 32 characters/);
  assert.throws(() => loadConfig({}, { VITAE_LINK_TTL_SECONDS: '0' }), /VITAE_LINK_TTL_SECONDS\) must be at least 1/);
});
