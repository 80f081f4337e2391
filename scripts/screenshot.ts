/**
 * `npm run screenshot`: docs/review.png, the review page of examples/resume.pdf as a laptop screen shows it.
 * Starts the real server on a throwaway SQLite folder, uploads the sample with the API, opens its meta.reviewUrl
 * in Debian's Chromium (scripts/lib/chromium.ts), focuses the first job's title so its section box and the title's
 * own value box are lit, and saves.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/service/api/app.ts';
import { loadConfig } from '../src/service/config.ts';
import { createDocumentService } from '../src/service/index.ts';
import { openDatabase } from '../src/service/store/db.ts';
import { createKey } from '../src/service/store/keys.ts';
import { launchChromium } from './lib/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs', 'review.png');
const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-screenshot-'));
const config = loadConfig({ dataDir, workers: 1 }, {});
const service = await createDocumentService(config);
const app = buildApp(service, config);
const browser = await launchChromium();
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const db = await openDatabase(config.databaseUrl);
  const key = await createKey(db.kysely, 'screenshot');
  await db.kysely.destroy();
  const form = new FormData();
  form.append('file', new Blob([await readFile(path.join(root, 'examples', 'resume.pdf'))]), 'resume.pdf');
  const resume = (await (await fetch(`${base}/v2/resumes`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form })).json()) as {
    meta: { reviewUrl: string | null };
  };
  if (!resume.meta.reviewUrl) throw new Error('The sample was not parsed: no reviewUrl.');
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(resume.meta.reviewUrl);
  await page.locator('.sheet img').first().waitFor();
  await page.locator('#f-workExperience-0-jobTitle').focus();
  await page.locator('.value-box.active').first().waitFor();
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await app.close();
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
}
