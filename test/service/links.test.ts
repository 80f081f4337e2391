import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkExpiry, signLink, verifyLink, type LinkSubject } from '../../src/service/links.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const subject: LinkSubject = { purpose: 'page-image', workspaceId: 'w-1', identifier: 'abcdefgh', page: 0 };
const NOW = 1_800_000_000;

test('a link verifies for exactly its subject and expiry, with its secret', () => {
  const expires = NOW + 60;
  const token = signLink(SECRET, subject, expires);
  assert.match(token, /^[\w-]{43}$/);
  assert.equal(verifyLink(SECRET, subject, { expires, token }, NOW), true);
  for (const other of [{ ...subject, workspaceId: 'w-2' }, { ...subject, identifier: 'abcdefgi' }, { ...subject, page: 1 }, { ...subject, page: null }]) {
    assert.equal(verifyLink(SECRET, other, { expires, token }, NOW), false, JSON.stringify(other));
  }
  assert.equal(verifyLink(SECRET, subject, { expires: expires + 1, token }, NOW), false);
  assert.equal(verifyLink(`${SECRET}!`, subject, { expires, token }, NOW), false);
  assert.equal(verifyLink(SECRET, subject, { expires, token: token.slice(0, -1) }, NOW), false);
  assert.equal(verifyLink(SECRET, subject, { expires, token: `${token}A` }, NOW), false);
});

test('fields cannot be shifted into their neighbours', () => {
  const a = signLink(SECRET, { ...subject, workspaceId: 'w', identifier: '1abc' }, NOW);
  const b = signLink(SECRET, { ...subject, workspaceId: 'w1', identifier: 'abc' }, NOW);
  assert.notEqual(a, b);
});

test('a link stops working when it expires', () => {
  const token = signLink(SECRET, subject, NOW);
  assert.equal(verifyLink(SECRET, subject, { expires: NOW, token }, NOW - 1), true);
  assert.equal(verifyLink(SECRET, subject, { expires: NOW, token }, NOW), false);
});

test('links made within a step share their expiry, which is never later than the lifetime', () => {
  const day = 24 * 3600;
  assert.equal(linkExpiry(NOW, day), linkExpiry(NOW + 59 - (NOW % 60), day));
  for (const ttl of [5, 90, day]) {
    for (const now of [NOW, NOW + 7, NOW + 59]) {
      const expires = linkExpiry(now, ttl);
      assert.ok(expires <= now + ttl && expires > now + ttl - Math.max(1, Math.min(60, Math.floor(ttl / 10))), `${ttl} s at ${now}`);
    }
  }
});
