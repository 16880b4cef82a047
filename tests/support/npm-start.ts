import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { waitFor } from './wait';

const ROOT = path.join(__dirname, '..', '..');

export type LogLine = Record<string, unknown> & { msg?: string; process?: string; pid?: number };

/**
 * `npm start` (build, migrate, API and workers) or the built supervisor alone, as a person runs it
 * in a terminal of its own (its own process group), with its output kept.
 */
export class NpmStart {
  /** The JSON log lines of the supervisor and its children, in the order they arrived. */
  readonly log: LogLine[] = [];
  readonly stderr: string[] = [];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) this.log.push(JSON.parse(line) as LogLine);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.stderr.push(line));
  }

  /** `npm start`; env is the whole environment (nothing inherited beyond what the caller passes). */
  static npmStart(env: NodeJS.ProcessEnv): NpmStart {
    return new NpmStart(spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  }

  /** What `npm start` runs once built: the supervisor from dist/. */
  static builtSupervisor(env: NodeJS.ProcessEnv): NpmStart {
    return new NpmStart(spawn(process.execPath, [path.join(ROOT, 'dist', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  }

  /** The supervisor from the sources through tsx, as the other tests run the service: no build first. */
  static fromSource(env: NodeJS.ProcessEnv): NpmStart {
    return new NpmStart(spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
  }

  linesWith(msg: string): LogLine[] {
    return this.log.filter((line) => line.msg === msg);
  }

  /** Waits until the API processes listen and `workers` workers have started (the build comes first: minutes on a busy machine). */
  async ready(workers: number, timeoutMs = 240_000, apiProcesses = 1): Promise<void> {
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    await waitFor(
      'npm start to be up',
      () => {
        if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}): ${this.stderr.slice(-20).join('\n')}`);
        return this.linesWith('api listening').length === apiProcesses && this.linesWith('worker started').length === workers;
      },
      timeoutMs,
      200,
    );
  }

  /** Ctrl-C in the terminal it runs in: SIGINT to every process of its group at once. */
  async interruptLikeCtrlC(): Promise<void> {
    process.kill(-this.child.pid!, 'SIGINT');
    await this.exited;
  }

  /** SIGTERM to the supervisor only (it passes the signal on to its children), then waits for all to exit. */
  async stop(): Promise<void> {
    const supervisor = this.log.find((line) => line.process === 'supervisor')?.pid;
    if (supervisor !== undefined && this.child.exitCode === null) process.kill(supervisor, 'SIGTERM');
    else this.child.kill('SIGTERM');
    await this.exited;
  }
}
