import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../shared/config';
import { createDb } from '../shared/db';
import { assertMysqlReachable, assertRedisReachable } from '../shared/dependencies';
import { createLogger, type Logger } from '../shared/logger';
import { createMailer } from '../shared/mail';
import { readOrders } from '../shared/orders/get-order';
import { OrderChangeFeed } from '../shared/orders/order-change-feed';
import { SoldOutMemo } from '../shared/orders/sold-out-memo';
import { WatchQuota } from '../shared/orders/watch-quota';
import { createOrderQueues } from '../shared/queue';
import { listenOn } from '../shared/listen';
import { closeRedis, createRedis } from '../shared/redis';
import { RedisRecovery } from '../shared/redis-recovery';
import { createApp } from './app';
import type { ApiContext } from './context';
import { ApiMetrics } from './metrics/api-metrics';
import { OpenWatches } from './open-watches';
import { StreamEndings } from './stream-endings';
import { registerOrderPipelineGauges } from './metrics/order-pipeline-gauges';
import { QUEUE_DASHBOARD_PATH } from './routes/operations';

/** The first lines a person reads after start: where the API, its docs and the operator pages are. */
function logWhereThingsAre(config: Config, logger: Logger, port: number): void {
  const url = `http://localhost:${port}`;
  logger.info({ port, url, docs: `${url}/docs` }, 'api listening');
  if (config.admin) {
    logger.info({ queueDashboard: `${url}${QUEUE_DASHBOARD_PATH}`, metrics: `${url}/metrics` }, 'operator pages open to the ADMIN_USER credential');
  } else {
    logger.info(`operator pages ${QUEUE_DASHBOARD_PATH} and /metrics are off: set ADMIN_USER and ADMIN_PASSWORD to open them`);
  }
}

export interface RunningApi {
  ctx: ApiContext;
  server: Server;
  url: string;
  stop: () => Promise<void>;
}

/**
 * Connects, checks the dependencies (and that Redis is reconciled with MySQL) and listens; stop()
 * stops accepting, lets in-flight requests finish, closes clients. A failed start closes what it opened.
 */
export async function startApi(config: Config, logger: Logger = createLogger(config, 'api')): Promise<RunningApi> {
  const db = createDb(config, { logger });
  const redis = createRedis(config);
  let orderQueues: ReturnType<typeof createOrderQueues> | undefined;
  let redisRecovery: RedisRecovery | undefined;
  const orderChanges = new OrderChangeFeed(config, logger, (orderNums) => readOrders({ config, db, redis }, orderNums));
  const closeClients = async () => {
    redisRecovery?.stop();
    await orderChanges.stop();
    await orderQueues?.close();
    await db.destroy();
    await closeRedis(redis);
  };
  try {
    await assertRedisReachable(redis, config.redisUrl);
    await assertMysqlReachable(db, config.databaseUrl);
    orderQueues = createOrderQueues(config, { logger });
    redisRecovery = new RedisRecovery({ config, db, redis, logger, orderQueues });
    await redisRecovery.start();
    await orderChanges.start();
  } catch (error) {
    await closeClients();
    throw error;
  }
  const ctx: ApiContext = {
    config,
    db,
    redis,
    logger,
    orderQueues,
    redisGate: redisRecovery,
    soldOutMemo: new SoldOutMemo(config.soldOutMemoMs),
    mailer: createMailer(config, logger),
    metrics: new ApiMetrics(),
    orderChanges,
    watchQuota: new WatchQuota(config.orderWatchLimits, redis, logger),
    openWatches: new OpenWatches(config.orderStreamKeepAliveMs),
    streamEndings: new StreamEndings(),
  };
  registerOrderPipelineGauges(ctx.metrics.registry, ctx);
  ctx.metrics.watchOpenWatches(ctx.openWatches);
  const app = createApp(ctx);
  const server = await listenOn(app, config.port, 'PORT').catch(async (error: unknown) => {
    ctx.mailer.close();
    ctx.openWatches.closeAll();
    ctx.watchQuota.stop();
    await closeClients();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  logWhereThingsAre(config, logger, port);

  const stop = async () => {
    ctx.openWatches.closeAll();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    ctx.watchQuota.stop();
    ctx.mailer.close();
    await closeClients();
  };
  return { ctx, server, url: `http://127.0.0.1:${port}`, stop };
}
