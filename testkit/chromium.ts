import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs the chromium package when it is missing). */
const CHROMIUM = '/usr/bin/chromium';

/**
 * As the machine's notes have it: no sandbox (root), no GPU, and nothing that reaches out to the
 * network, which is closed here (without these Chromium retries refused connections at every
 * start). Playwright gives every launch a fresh, empty user-data-dir of its own.
 */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

const ROOT = path.join(__dirname, '..');

/** `npm run build:pages`: the pages as `npm start` serves them, built into dist/web. */
export async function buildPages(): Promise<void> {
  const child = spawn('npm', ['run', 'build:pages'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build:pages failed (${code}): ${stderr}`);
}


/**
 * A page in a context of its own (own storage) at this viewport, with `sessionStorage` entries set
 * before any script of the page runs: how a test or the screenshots sign a user in without the form.
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }, sessionStorage: Record<string, string> = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: `for (const [key, value] of Object.entries(${JSON.stringify(sessionStorage)})) sessionStorage.setItem(key, value);` });
  return { context, page: await context.newPage() };
}
