import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { testEnv } from './test-env';

const ROOT = path.join(__dirname, '..', '..');

/** A worker as its own OS process (`node worker/main.ts` through tsx), as `npm start` runs them. */
export class WorkerProcess {
  private constructor(readonly child: ChildProcess) {}

  static async start(env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker', 'main.ts')], {
      cwd: ROOT,
      env: { ...testEnv, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    await worker.waitForLog('worker started', 30_000);
    return worker;
  }

  waitForLog(message: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: this.child.stdout! });
      const timer = setTimeout(() => reject(new Error(`worker did not log "${message}" within ${timeoutMs} ms`)), timeoutMs);
      lines.on('line', (line) => {
        if (line.includes(`"msg":"${message}"`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.child.once('exit', (code) => reject(new Error(`worker exited (${code}) before "${message}"`)));
    });
  }

  /** SIGKILL: no clean-up of any kind, as a crash or an OOM kill. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}
