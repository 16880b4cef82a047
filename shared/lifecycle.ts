import { ConfigError } from './config';
import { PortUnavailableError } from './listen';
import type { Logger } from './logger';

/**
 * Runs `stop` once on the first SIGINT/SIGTERM, then exits. The same signal again while stopping
 * (Ctrl-C pressed twice) exits at once, so an operator is never stuck with a process that won't
 * die. Another signal while stopping is the usual echo of one Ctrl-C: the terminal sends SIGINT to
 * the whole process group and `npm start` then passes SIGTERM on to its children, so it must not
 * cut their clean stop short. A process forked by the supervisor also stops when the supervisor is
 * gone (its IPC channel closes), rather than live on unwatched beside the fresh set a restarted
 * supervisor starts. With `deadlineMs`, a stop still running by then exits anyway (1): whatever it
 * waits for, the process ends in a known time.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, options: { deadlineMs?: number } = {}): void {
  let stoppingOn: NodeJS.Signals | 'supervisor gone' | undefined;
  const onSignal = (signal: NodeJS.Signals | 'supervisor gone') => {
    if (stoppingOn === signal) {
      logger.warn({ signal }, 'second signal while stopping: exiting now');
      process.exit(1);
    }
    if (stoppingOn) return;
    stoppingOn = signal;
    logger.info({ signal }, 'stopping');
    if (options.deadlineMs !== undefined) {
      setTimeout(() => {
        logger.error({ deadlineMs: options.deadlineMs }, 'not stopped by the deadline: exiting now');
        process.exit(1);
      }, options.deadlineMs).unref();
    }
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
  if (process.connected) process.once('disconnect', () => onSignal('supervisor gone'));
}

/**
 * An uncaught exception or an unhandled rejection is a bug: logged through pino with its error and
 * stack (pino writes synchronously, so the line is out before the exit), then the process exits
 * non-zero and its supervisor (`npm start`, compose, systemd) starts a fresh one.
 */
export function exitOnCrash(logger: Logger): void {
  const crash = (what: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${what}: exiting`);
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));
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
