#!/usr/bin/env node
// The `vitae` command. There is no build step: tsx compiles the TypeScript sources on the fly.
// Every path is resolved from this file, never from the cwd, so the command works from any folder
// and when Vitae is installed as a dependency.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`vitae parse dir | head`) closes the pipe: stop quietly with the status a process
// killed by SIGPIPE would have (128 + 13), instead of a stack trace.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(141);
});
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
const code = await main(process.argv.slice(2));
// Exit explicitly: a document abandoned after --timeout may still hold the event loop open.
// The empty writes wait until earlier output is flushed (pipes can be asynchronous outside Linux).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
