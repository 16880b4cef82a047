/** The service's environment in every bench part: production mode, limits that one load generator never meets. */
export function benchServiceEnv(where: { port: number; databaseUrl: string; redisUrl: string; redisPrefix: string; drainBatchSize?: string }): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    PORT: String(where.port),
    DATABASE_URL: where.databaseUrl,
    REDIS_URL: where.redisUrl,
    REDIS_PREFIX: where.redisPrefix,
    JWT_SECRET: 'bench-only-secret-not-for-production',
    LOG_LEVEL: 'warn',
    ITEM_BACKLOG_LIMIT: '0',
    ORDER_TTL: '3600',
    // The limits still count every request; they are only set so high that one load generator
    // (one IP, a few buyers hammering) is not stopped by them.
    ORDER_RATE_LIMIT: '1000000',
    AUTH_RATE_LIMIT_PER_IP: '1000000',
    ...(where.drainBatchSize ? { DRAIN_BATCH_SIZE: where.drainBatchSize } : {}),
  };
}
