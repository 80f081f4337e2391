/** SSRF-safe downloads, against a local server on 127.0.0.1 only. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadUrl, isPublicAddress, UrlDownloadError } from '../../src/service/fetch-url.ts';

let server: http.Server;
let origin: string;

before(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/cv.txt') return res.end('Jordan Blake');
    if (req.url === '/named') {
      res.setHeader('content-disposition', 'attachment; filename="resume.pdf"');
      return res.end('pdf');
    }
    if (req.url === '/hop') return res.writeHead(302, { location: '/cv.txt' }).end();
    if (req.url?.startsWith('/loop')) return res.writeHead(301, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
    if (req.url === '/big') return res.end(Buffer.alloc(2048));
    if (req.url === '/chunked-big') {
      res.write(Buffer.alloc(1000));
      return setTimeout(() => res.end(Buffer.alloc(1100)), 10);
    }
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 500);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const allowed = { maxBytes: 1024, timeoutMs: 2000, allowPrivate: true };

async function fails(url: string, options: typeof allowed, message: RegExp): Promise<void> {
  await assert.rejects(downloadUrl(url, options), (err: unknown) => err instanceof UrlDownloadError && message.test(err.message));
}

test('public and non-public addresses', () => {
  for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) assert.equal(isPublicAddress(a), true, a);
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '::1', '::', 'fc00::1', 'fd12::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', 'not-an-ip']) {
    assert.equal(isPublicAddress(a), false, a);
  }
});

test('refuses loopback unless private addresses are allowed', async () => {
  await fails(`${origin}/cv.txt`, { ...allowed, allowPrivate: false }, /127\.0\.0\.1 is not a public address/);
  await fails(`http://localhost:${new URL(origin).port}/cv.txt`, { ...allowed, allowPrivate: false }, /not a public address/);
  const download = await downloadUrl(`${origin}/cv.txt`, allowed);
  assert.equal(download.bytes.toString(), 'Jordan Blake');
  assert.equal(download.fileName, 'cv.txt');
});

test('follows redirects (at most 5) and takes the file name from Content-Disposition', async () => {
  assert.equal((await downloadUrl(`${origin}/hop`, allowed)).bytes.toString(), 'Jordan Blake');
  assert.equal((await downloadUrl(`${origin}/named`, allowed)).fileName, 'resume.pdf');
  await fails(`${origin}/loop`, allowed, /Too many redirects/);
});

test('size and time caps, protocols, errors', async () => {
  await fails(`${origin}/big`, allowed, /larger than 1024 bytes/);
  await fails(`${origin}/chunked-big`, allowed, /larger than 1024 bytes/);
  await fails(`${origin}/slow`, { ...allowed, timeoutMs: 100 }, /longer than 100 ms/);
  await fails(`${origin}/missing`, allowed, /HTTP 404/);
  await fails('file:///etc/passwd', allowed, /Only http and https/);
  await fails('http://[::1]:1/', { ...allowed, allowPrivate: false }, /not a public address/);
});
