import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './processes';

/**
 * Artillery lives in artillery/ with a package.json and lockfile of its own: it pulls about 600 MB
 * (cloud SDKs, Playwright) that the service never needs, so `npm ci` of the service leaves it out
 * and the bench installs it on first use.
 */
const ARTILLERY_DIR = path.join(PROJECT_ROOT, 'artillery');
export const ARTILLERY_BIN = path.join(ARTILLERY_DIR, 'node_modules', 'artillery', 'bin', 'run');

/**
 * What every Artillery run gets: no usage reports. Artillery 2.0.21 still sends an anonymous one
 * with this set; artillery/package.json swaps its PostHog client for one that sends nothing
 * (artillery/posthog-offline), without which each run waits ~12 s on exit for retries that never
 * reach the network.
 */
export const ARTILLERY_ENV = { ARTILLERY_DISABLE_TELEMETRY: 'true' };

function pinnedVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(ARTILLERY_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return manifest.dependencies.artillery;
}

/** The manifest of a package installed in artillery/node_modules. */
function installedManifest(name: string): { name: string; version: string } | undefined {
  const file = path.join(ARTILLERY_DIR, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string }) : undefined;
}

/** Installs artillery/ from its lockfile unless the pinned Artillery, with the offline PostHog client, is there already. */
export function ensureArtilleryInstalled(log: (message: string) => void): void {
  if (installedManifest('artillery')?.version === pinnedVersion() && installedManifest('posthog-node')?.name === 'posthog-offline') return;
  log(`installing Artillery ${pinnedVersion()} into ${ARTILLERY_DIR} (first use, about 600 MB)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: ARTILLERY_DIR,
    // Its Playwright engine would download a browser at install time; the bench never drives one.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (install.status !== 0) throw new Error(`npm ci in ${ARTILLERY_DIR} exited with ${install.status}`);
}

if (require.main === module) ensureArtilleryInstalled((message) => process.stderr.write(`${message}\n`));
