/**
 * Debian's Chromium driven by playwright-core, for the review page's browser tests and `npm run screenshot`.
 * Never a downloaded browser (`playwright install` is not used): /usr/bin/chromium (`apt-get install chromium`,
 * as .ci/run does), or CHROMIUM_PATH. A missing browser is an error, so a test cannot pass without one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in CI needs --no-sandbox; the rest keep Chromium off the (closed) network at start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
