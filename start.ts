import { fork, type ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import path from 'node:path';
import { serveAggregatedApiMetrics } from './api/metrics/cluster-metrics';
import { loadConfig } from './shared/config';
import { EXIT_NEEDS_CONFIGURATION, exitOnCrash, exitOnStartupFailure, stopOnSignals } from './shared/lifecycle';
import { createLogger, type Logger } from './shared/logger';
import { prepareDatabase } from './shared/migrate';
import { API_NODE_FLAGS, WORKER_NODE_FLAGS } from './shared/node-flags';

/**
 * `npm start`: migrate, then run API_PROCESSES API processes and WORKER_PROCESSES worker processes.
 * The API processes are cluster workers of this one, sharing PORT; it gathers their metrics.
 * A child that dies unexpectedly is restarted (a killed worker's orders resume on restart), unless
 * it can't start with this configuration (PORT taken): then everything stops with its message;
 * SIGINT/SIGTERM is passed to every child and we exit when all have stopped cleanly.
 */
const RESTART_DELAY_MS = 1000;
// .js when compiled; .ts when started through tsx (the tests), whose loader the children inherit.
const SCRIPT_EXTENSION = path.extname(__filename);

interface Supervised {
  name: string;
  script: string;
  nodeFlags: string[];
  /** A cluster worker sharing PORT with the other API processes. */
  sharesPort?: boolean;
  env?: NodeJS.ProcessEnv;
  child?: ChildProcess;
}

interface Supervision {
  logger: Logger;
  isStopping(): boolean;
  /** A child can't start with this configuration (it said why on stderr): stop everything. */
  giveUp(entry: Supervised): void;
}

function spawnChild(entry: Supervised): ChildProcess {
  if (entry.sharesPort) {
    cluster.setupPrimary({ exec: path.join(__dirname, entry.script + SCRIPT_EXTENSION), execArgv: [...process.execArgv, ...entry.nodeFlags] });
    return cluster.fork(entry.env).process;
  }
  return fork(path.join(__dirname, entry.script + SCRIPT_EXTENSION), { stdio: 'inherit', env: { ...process.env, ...entry.env }, execArgv: [...process.execArgv, ...entry.nodeFlags] });
}

function supervise(entry: Supervised, supervision: Supervision): void {
  const child = spawnChild(entry);
  entry.child = child;
  child.on('exit', (code, signal) => {
    if (supervision.isStopping()) return;
    if (code === EXIT_NEEDS_CONFIGURATION) {
      supervision.giveUp(entry);
      return;
    }
    supervision.logger.error({ child: entry.name, code, signal }, 'child exited unexpectedly; restarting');
    setTimeout(() => supervise(entry, supervision), RESTART_DELAY_MS);
  });
}

function stopChild(entry: Supervised): Promise<void> {
  const child = entry.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, 'supervisor');
  exitOnCrash(logger);
  const applied = await prepareDatabase(config);
  logger.info({ applied }, 'database ready');

  const children: Supervised[] = [
    ...Array.from({ length: config.apiProcesses }, (_, i) => ({ name: `api-${i + 1}`, script: 'api/main', nodeFlags: API_NODE_FLAGS, sharesPort: true })),
    ...Array.from({ length: config.workerProcesses }, (_, i) => ({
      name: `worker-${i + 1}`,
      script: 'worker/main',
      nodeFlags: WORKER_NODE_FLAGS,
      // Each worker on this machine serves its metrics on its own port: 9464, 9465, ...
      env: { WORKER_METRICS_PORT: String(config.workerMetricsPort && config.workerMetricsPort + i) },
    })),
  ];
  serveAggregatedApiMetrics();
  let stopping = false;
  const stopChildren = async () => {
    stopping = true;
    await Promise.all(children.map(stopChild));
  };
  const supervision: Supervision = {
    logger,
    isStopping: () => stopping,
    giveUp(entry) {
      logger.fatal({ child: entry.name }, `${entry.name} can't start with this configuration (see its message above): stopping everything`);
      void stopChildren().then(() => process.exit(EXIT_NEEDS_CONFIGURATION));
    },
  };
  for (const entry of children) supervise(entry, supervision);
  stopOnSignals(logger, stopChildren);
}

main().catch(exitOnStartupFailure('reservation-purchase'));
