import type { Logger } from './logger';

/**
 * Runs `stop` once on the first SIGINT/SIGTERM, then exits. A second signal while stopping exits
 * at once, so an operator is never stuck with a process that won't die.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while stopping: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Prints a start-up failure as one readable line (config or dependency problems) and exits non-zero. */
export function exitOnStartupFailure(processName: string) {
  return (error: Error) => {
    process.stderr.write(`${processName} could not start: ${error.message}\n`);
    process.exit(1);
  };
}
