import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** Structured JSON logs; one root logger per process, children carry context (requestId, jobId). */
export function createLogger(config: Pick<Config, 'logLevel'>, processName: string): Logger {
  return pino({ level: config.logLevel, base: { process: processName, pid: process.pid } });
}
