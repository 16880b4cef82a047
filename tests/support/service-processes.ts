import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { checkAnswersOf, forgetServer } from './checked-answers';
import { testConfig, testEnv } from './test-env';

const ROOT = path.join(__dirname, '..', '..');

const READY_LOG = { api: 'api listening', worker: 'worker started' } as const;

/** An API or a worker as its own OS process (`node api/main.ts` through tsx), as `npm start` runs them. */
export class ServiceProcess {
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Every line the process wrote to stdout (its JSON log), and to stderr, so far. */
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];

  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout! }).on('line', (line) => this.stdout.push(line));
    createInterface({ input: child.stderr! }).on('line', (line) => this.stderr.push(line));
  }

  /** The JSON log lines at `level` or above (pino numbers: 50 error, 60 fatal). */
  logLines(minLevel = 0): Record<string, unknown>[] {
    return this.stdout.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => Number(line.level) >= minLevel);
  }

  static async start(role: 'api' | 'worker', env: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
    const service = ServiceProcess.launch(role, env);
    try {
      await service.waitForLog(READY_LOG[role], 30_000);
    } catch (error) {
      // Not ready in time: stop it rather than leave it running into the next tests.
      await service.kill();
      throw error;
    }
    if (role === 'api' && env.PORT) {
      // Its answers are checked against the API document like those of an in-process API.
      const baseUrl = `http://127.0.0.1:${env.PORT}`;
      checkAnswersOf(baseUrl, testConfig(env));
      void service.exited.then(() => forgetServer(baseUrl));
    }
    return service;
  }

  /**
   * Starts the process without waiting for it to be ready (for one that is expected to fail).
   * `preload`: modules (from the repository root) imported before its main, e.g. a test fixture.
   */
  static launch(role: 'api' | 'worker', env: NodeJS.ProcessEnv = {}, preload: string[] = []): ServiceProcess {
    const imports = preload.flatMap((module) => ['--import', path.join(ROOT, module)]);
    const child = spawn(process.execPath, ['--import', 'tsx', ...imports, path.join(ROOT, role, 'main.ts')], {
      cwd: ROOT,
      env: { ...testEnv(), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(child);
  }

  waitForLog(message: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: this.child.stdout! });
      const timer = setTimeout(() => reject(new Error(`process did not log "${message}" within ${timeoutMs} ms`)), timeoutMs);
      lines.on('line', (line) => {
        if (line.includes(`"msg":"${message}"`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.child.once('exit', (code) => reject(new Error(`process exited (${code}) before "${message}": ${this.stderr.slice(-5).join(' | ')}`)));
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
