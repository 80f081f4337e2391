/**
 * Waits for SIGTERM or SIGINT (the first one starts a graceful stop; a second one exits at once, for an operator
 * who will not wait for running parses). Shared by the long-running commands, `vitae serve` and `vitae worker`.
 */
export function untilStopSignal(command: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) {
        process.stderr.write(`vitae ${command}: ${signal} again, exiting without waiting\n`);
        process.exit(1);
      }
      stopping = true;
      process.stderr.write(`vitae ${command}: ${signal}, stopping (running work finishes or goes back to the queue; ${signal} again to force)\n`);
      resolve();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
