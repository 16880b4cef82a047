import { ConfigError } from './config';
import { PortUnavailableError } from './listen';
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

/**
 * Exit code of a process that can't start until its configuration changes (sysexits' EX_CONFIG):
 * `npm start` does not restart such a child, which would only fail again every second.
 */
export const EXIT_NEEDS_CONFIGURATION = 78;

/** Prints a start-up failure as one readable line (config, port or dependency problems) and exits non-zero. */
export function exitOnStartupFailure(processName: string) {
  return (error: Error) => {
    process.stderr.write(`${processName} could not start: ${error.message}\n`);
    process.exit(error instanceof ConfigError || error instanceof PortUnavailableError ? EXIT_NEEDS_CONFIGURATION : 1);
  };
}
