import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Db } from './db';
import type { Logger } from './logger';

/** What every use case may depend on: configuration and the clients of one process. */
export interface ServiceContext {
  config: Config;
  db: Db;
  redis: Redis;
  logger: Logger;
}
