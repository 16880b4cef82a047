import Joi from 'joi';

/**
 * The only place that reads process.env. Every process validates its configuration first thing
 * and receives this typed object; nothing else looks at the environment.
 */
export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key the service owns (app data and BullMQ), so tests never touch a developer's data. */
  redisPrefix: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  paymentFailureRate: number;
  /** API processes `npm start` runs, sharing PORT. */
  apiProcesses: number;
  workerProcesses: number;
  queuePartitions: number;
  orderTtlSeconds: number;
  maxOrderQuantity: number;
  /** Entries an item's line may hold before new orders get 503 (0: no limit). */
  itemBacklogLimit: number;
  /** How long an API process answers SOLD_OUT for an item without asking Redis again (0: always ask). */
  soldOutMemoMs: number;
  /** Most line entries a worker applies in one MySQL transaction. */
  drainBatchSize: number;
  /** Orders one buyer may submit per window (0: no limit), and the window in seconds. */
  orderRateLimit: number;
  orderRateWindowSeconds: number;
  /** Per 15 minutes: verification requests and logins per client IP, login attempts per address (0: no limit). */
  authRateLimits: { perIp: number; loginPerAddress: number };
  /** Basic-auth credential of /metrics and /admin/queues; unset: both answer 404. */
  admin: { user: string; password: string } | undefined;
  /** Port of a worker's /metrics (0: none); `npm start` gives each worker the next one. */
  workerMetricsPort: number;
  /** Nice value a worker takes at start: where it shares cores with the API, buyers' requests come first. */
  workerNice: number;
  logLevel: string;
  /** Largest JSON body accepted, e.g. "16kb". */
  bodyLimit: string;
  /** Order streams and `Prefer: wait` answers one API process holds open at most, in all and per buyer. */
  orderWatchLimits: { perProcess: number; perBuyer: number; leaseMs: number };
  /** How often an open order stream gets a comment line, so that proxies don't close it as idle. */
  orderStreamKeepAliveMs: number;
}

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me';

/** The environment as the schema below answers it: converted, defaulted, and checked key for key against it. */
interface ValidatedEnv {
  NODE_ENV: Config['nodeEnv'];
  PORT: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  JWT_SECRET: string;
  JWT_EXPIRES_IN_SECONDS: number;
  SMTP_URL: string | undefined;
  MAIL_FROM: string;
  PAYMENT_FAILURE_RATE: number;
  API_PROCESSES: number;
  WORKER_PROCESSES: number;
  QUEUE_PARTITIONS: number;
  ORDER_TTL: number;
  MAX_ORDER_QUANTITY: number;
  ITEM_BACKLOG_LIMIT: number;
  SOLD_OUT_MEMO_MS: number;
  DRAIN_BATCH_SIZE: number;
  ORDER_RATE_LIMIT: number;
  ORDER_RATE_WINDOW_SECONDS: number;
  AUTH_RATE_LIMIT_PER_IP: number;
  LOGIN_ATTEMPTS_PER_ADDRESS: number;
  ADMIN_USER: string | undefined;
  ADMIN_PASSWORD: string | undefined;
  WORKER_METRICS_PORT: number;
  WORKER_NICE: number;
  LOG_LEVEL: string;
  BODY_LIMIT: string;
  ORDER_WATCHES_PER_PROCESS: number;
  ORDER_WATCHES_PER_BUYER: number;
  ORDER_WATCH_LEASE_SECONDS: number;
  ORDER_STREAM_KEEPALIVE_MS: number;
}

const schema = Joi.object<ValidatedEnv, true>({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  PORT: Joi.number().integer().min(0).max(65535).default(8080),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['mysql'] })
    .default('mysql://root@127.0.0.1:3306/reservation_purchase'),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: Joi.string().pattern(/^[A-Za-z0-9:_-]+$/).default('rp:'),
  JWT_SECRET: Joi.string()
    .min(16)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.required(),
      otherwise: Joi.optional().default(DEVELOPMENT_JWT_SECRET),
    }),
  JWT_EXPIRES_IN_SECONDS: Joi.number().integer().min(60).default(3600),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }).empty('').optional(),
  MAIL_FROM: Joi.string().default('reservation-purchase <no-reply@reservation-purchase.local>'),
  PAYMENT_FAILURE_RATE: Joi.number().min(0).max(1).default(0.2),
  API_PROCESSES: Joi.number().integer().min(1).max(64).default(1),
  WORKER_PROCESSES: Joi.number().integer().min(0).max(64).default(2),
  QUEUE_PARTITIONS: Joi.number().integer().min(1).max(1024).default(16),
  ORDER_TTL: Joi.number().integer().min(1).default(600),
  MAX_ORDER_QUANTITY: Joi.number().integer().min(1).default(10),
  ITEM_BACKLOG_LIMIT: Joi.number().integer().min(0).default(100_000),
  SOLD_OUT_MEMO_MS: Joi.number().integer().min(0).max(10_000).default(200),
  DRAIN_BATCH_SIZE: Joi.number().integer().min(1).max(5000).default(1000),
  ORDER_RATE_LIMIT: Joi.number().integer().min(0).default(10),
  ORDER_RATE_WINDOW_SECONDS: Joi.number().integer().min(1).max(3600).default(10),
  AUTH_RATE_LIMIT_PER_IP: Joi.number().integer().min(0).default(100),
  LOGIN_ATTEMPTS_PER_ADDRESS: Joi.number().integer().min(0).default(10),
  ADMIN_USER: Joi.string().empty(''),
  ADMIN_PASSWORD: Joi.string().empty('').min(12).when('ADMIN_USER', { is: Joi.exist(), then: Joi.required() }),
  WORKER_METRICS_PORT: Joi.number().integer().min(0).max(65535).default(9464),
  WORKER_NICE: Joi.number().integer().min(0).max(19).default(19),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  BODY_LIMIT: Joi.string().pattern(/^\d+(b|kb|mb)$/).default('16kb'),
  ORDER_WATCHES_PER_PROCESS: Joi.number().integer().min(1).default(20_000),
  ORDER_WATCHES_PER_BUYER: Joi.number().integer().min(1).default(5),
  ORDER_WATCH_LEASE_SECONDS: Joi.number().integer().min(1).max(3600).default(30),
  ORDER_STREAM_KEEPALIVE_MS: Joi.number().integer().min(10).max(60_000).default(15_000),
})
  .and('ADMIN_USER', 'ADMIN_PASSWORD')
  .unknown(true);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.validate(env, { abortEarly: false, convert: true });
  if (result.error) {
    throw new ConfigError(`Invalid configuration: ${result.error.details.map((d) => d.message).join('; ')}`);
  }
  const value = result.value;
  return {
    nodeEnv: value.NODE_ENV,
    port: value.PORT,
    databaseUrl: value.DATABASE_URL,
    redisUrl: value.REDIS_URL,
    redisPrefix: value.REDIS_PREFIX,
    jwtSecret: value.JWT_SECRET,
    jwtExpiresInSeconds: value.JWT_EXPIRES_IN_SECONDS,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    paymentFailureRate: value.PAYMENT_FAILURE_RATE,
    apiProcesses: value.API_PROCESSES,
    workerProcesses: value.WORKER_PROCESSES,
    queuePartitions: value.QUEUE_PARTITIONS,
    orderTtlSeconds: value.ORDER_TTL,
    maxOrderQuantity: value.MAX_ORDER_QUANTITY,
    itemBacklogLimit: value.ITEM_BACKLOG_LIMIT,
    drainBatchSize: value.DRAIN_BATCH_SIZE,
    soldOutMemoMs: value.SOLD_OUT_MEMO_MS,
    orderRateLimit: value.ORDER_RATE_LIMIT,
    orderRateWindowSeconds: value.ORDER_RATE_WINDOW_SECONDS,
    authRateLimits: { perIp: value.AUTH_RATE_LIMIT_PER_IP, loginPerAddress: value.LOGIN_ATTEMPTS_PER_ADDRESS },
    admin: value.ADMIN_USER && value.ADMIN_PASSWORD ? { user: value.ADMIN_USER, password: value.ADMIN_PASSWORD } : undefined,
    workerMetricsPort: value.WORKER_METRICS_PORT,
    workerNice: value.WORKER_NICE,
    logLevel: value.LOG_LEVEL,
    bodyLimit: value.BODY_LIMIT,
    orderWatchLimits: { perProcess: value.ORDER_WATCHES_PER_PROCESS, perBuyer: value.ORDER_WATCHES_PER_BUYER, leaseMs: value.ORDER_WATCH_LEASE_SECONDS * 1000 },
    orderStreamKeepAliveMs: value.ORDER_STREAM_KEEPALIVE_MS,
  };
}
