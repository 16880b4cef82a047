import type { Server } from 'node:http';
import type { Express } from 'express';
import { createServerOf } from './express-server';

const REASONS: Record<string, string> = {
  EADDRINUSE: 'already in use (another copy of the service on this machine?)',
  EACCES: 'not open to this user (ports below 1024 need privileges)',
};

/** A port this process can't listen on; the message names the variable that chooses it. */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(`port ${port} is ${REASONS[cause.code ?? ''] ?? `unavailable (${cause.message})`}: set ${variable} to a free port`, { cause });
  }
}

/** Listens on every interface; a refusal becomes a PortUnavailableError naming `variable`. */
export function listenOn(app: Express, port: number, variable: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServerOf(app);
    server.once('error', (error: NodeJS.ErrnoException) => reject(new PortUnavailableError(port, variable, error)));
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
