import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const LIBRARY = path.join('faketime', 'libfaketime.so.1');

/** libfaketime's preload library, from Debian's package `faketime` (.ci/run installs it when missing). */
function libfaketime(): string {
  const libDirs = ['/usr/lib', '/usr/local/lib'].filter(existsSync);
  const candidates = libDirs.flatMap((dir) => [path.join(dir, LIBRARY), ...readdirSync(dir).map((arch) => path.join(dir, arch, LIBRARY))]);
  const found = candidates.find(existsSync);
  if (!found) throw new Error('libfaketime not found: install the Debian package faketime (apt-get install faketime; .ci/run does)');
  return found;
}

/**
 * The environment that puts one child process's wall clock `offset` off the true one (libfaketime
 * syntax, e.g. '+5s'), and no other process's. Timers keep the true monotonic clock.
 */
export function skewedClockEnv(offset: string): NodeJS.ProcessEnv {
  return { LD_PRELOAD: libfaketime(), FAKETIME: offset, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}
