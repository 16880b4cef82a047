import pino, { type Logger, type TransportSingleOptions } from 'pino';
import type { Config } from './config';

export type { Logger };

function isInstalled(module: string): boolean {
  try {
    require.resolve(module);
    return true;
  } catch {
    return false;
  }
}

/**
 * Readable lines for a person at a terminal: only in development, only on a TTY, and only where
 * pino-pretty (a dev dependency) is installed. Everywhere else JSON lines, which is what log
 * collectors read; production always gets JSON.
 */
function prettyTransport(nodeEnv: Config['nodeEnv']): TransportSingleOptions | undefined {
  if (nodeEnv !== 'development' || !process.stdout.isTTY || !isInstalled('pino-pretty')) return undefined;
  return {
    target: 'pino-pretty',
    options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,process', messageFormat: '{process}/{pid}: {msg}', singleLine: true },
  };
}

/** Structured logs; one root logger per process, children carry context (requestId, jobId). */
export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>, processName: string): Logger {
  const transport = prettyTransport(config.nodeEnv);
  return pino({ level: config.logLevel, base: { process: processName, pid: process.pid }, ...(transport ? { transport } : {}) });
}
