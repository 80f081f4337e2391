#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` (the runtime dependencies only), with an explanation when the registry's
// audit endpoint cannot be reached — as from the build machine, where the bulk advisory endpoint answers 405 —
// instead of npm's bare "audit endpoint returned an error". Exit status: npm's own (0 clean, 1 findings), or 2
// when no audit could be made. What was checked by hand instead is in docs/dependency-audit.md.
import { spawnSync } from 'node:child_process';

const args = ['audit', '--omit=dev', ...process.argv.slice(2)];
const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { encoding: 'utf8', timeout: 120_000 });
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
const unreachable =
  run.error != null ||
  /audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network|405 Method Not Allowed|audit.*(unavailable|failed)/i.test(output);
if (unreachable) {
  process.stderr.write(`
npm run audit: the registry's audit endpoint could not be reached from this machine${run.error ? ` (${run.error.message})` : ''},
so no advisory database was consulted and this is NOT a clean result. Run \`npm run audit\` where
https://registry.npmjs.org/-/npm/v1/security/advisories/bulk answers (a developer machine, CI with network),
or see docs/dependency-audit.md for the runtime dependencies checked by hand and the findings explained there.
`);
  process.exit(2);
}
process.exit(run.status ?? 2);
