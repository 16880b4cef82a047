import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// `npm run bench` runs the compiled service from dist/, as `npm start` does; the test suite's smoke
// run goes through tsx from the sources.
const fromSource = __filename.endsWith('.ts');
const RUNTIME_ROOT = path.join(__dirname, '..');
/** The project folder (with package.json, artillery/ and node_modules/), from dist/ or the sources. */
export const PROJECT_ROOT = fromSource ? RUNTIME_ROOT : path.join(RUNTIME_ROOT, '..');

/** A child process of the bench (service, worker or baseline server), stopped with SIGTERM. */
export class BenchProcess {
  private static readonly running = new Set<BenchProcess>();

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    BenchProcess.running.add(this);
    child.once('exit', () => BenchProcess.running.delete(this));
  }

  /** Every process the bench started and that still runs: for a bench that is itself told to stop. */
  static stopAll(): Promise<void> {
    return Promise.all([...BenchProcess.running].map((p) => p.stop())).then(() => undefined);
  }

  /** `module` without extension, e.g. 'api/main'; `nodeArgs` go to node before it (e.g. --cpu-prof). */
  static start(name: string, module: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): BenchProcess {
    const args = [...nodeArgs, ...(fromSource ? ['--import', 'tsx', path.join(RUNTIME_ROOT, `${module}.ts`)] : [path.join(RUNTIME_ROOT, `${module}.js`)])];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    return new BenchProcess(name, child);
  }

  /**
   * A process that keeps one core busy at the lowest CPU priority (nice 19), as a worker draining
   * beside MySQL is (WORKER_NICE), until stopped: what sharing the cores costs MySQL, measured.
   */
  static busyCore(): BenchProcess {
    const child = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    os.setPriority(child.pid!, 19);
    return new BenchProcess('busy core', child);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** Waits until `url` answers 2xx (a server has started), or fails after `timeoutMs`. */
export async function waitUntilUp(url: string, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/** Waits until `file` exists and is not empty (a scenario's first request is answered), or fails after `timeoutMs`. */
export async function untilFileHasContent(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
    await sleep(20);
  }
  throw new Error(`${file} stayed empty for ${timeoutMs} ms`);
}
