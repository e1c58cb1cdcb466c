import { randomBytes } from 'node:crypto';
import type { HooklineLogger, HooklineRuntime, WebhooksModuleOptions } from '@hookline/nestjs';
import { DedicatedRedis } from './dedicated-redis';
import { cleanUpAll, faultOptions, publisherRuntime, silentLogger } from './pipeline-harness';
import type { DatabaseScope, TestDatabase } from './test-databases';
import { WorkerProcesses } from './worker-processes';

interface Server {
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
}

/** A database server of the suite's own (DedicatedPostgres, DedicatedMariadb). */
export interface DatabaseServer extends Server {
  readonly url: string;
  dispose(): Promise<unknown>;
}

export interface FaultRigConfig<R extends Server> {
  /** Start of the suite's Redis key prefix (a random suffix is added). */
  prefix: string;
  receiver: R;
  /** The suite's Hookline options for its Redis and key prefix; faultOptions by default. */
  options?: (redisUrl: string, prefix: string) => WebhooksModuleOptions;
  /** The suite's own Redis when it needs a particular one (e.g. append-only). */
  redis?: DedicatedRedis;
  /** The database the suite's scope lives on. */
  database: TestDatabase;
  /** A server of the suite's own for that database, instead of the machine's. */
  server?: DatabaseServer;
  /** The publisher runtime's logger (silent by default). */
  logger?: HooklineLogger;
}

export interface FaultRig<R extends Server> {
  redis: DedicatedRedis;
  receiver: R;
  /** Worker-only Hookline processes on the suite's schema and Redis. */
  workers: WorkerProcesses;
  /** The suite's schema or database; set once beforeAll ran. */
  readonly db: DatabaseScope;
  /** A Hookline runtime that publishes and manages subscriptions but runs no worker; set once beforeAll ran. */
  readonly publisher: HooklineRuntime;
}

/**
 * What every fault suite stands on: its own Redis (and database server if asked), a receiver, a
 * schema or database, a publisher and worker processes; registered in beforeAll/afterAll, and torn down
 * step by step even when a step fails, so no server or process outlives the suite.
 */
export function faultRig<R extends Server>(config: FaultRigConfig<R>): FaultRig<R> {
  const redis = config.redis ?? new DedicatedRedis();
  const prefix = `${config.prefix}-${randomBytes(3).toString('hex')}`;
  const options = (): WebhooksModuleOptions => (config.options ?? faultOptions)(redis.url, prefix);
  let db: DatabaseScope | undefined;
  let publisher: HooklineRuntime | undefined;
  const workers = new WorkerProcesses(() => ({ connection: db!.connection, options: options() }));

  beforeAll(async () => {
    await Promise.all([config.server?.start(), redis.start(), config.receiver.start()]);
    db = await config.database.createScope(config.server?.url);
    publisher = publisherRuntime(db.dataSource, options(), config.logger ?? silentLogger);
  }, 60_000);

  afterAll(
    () =>
      cleanUpAll(
        () => workers.killAll(),
        () => publisher?.stop(),
        () => db?.drop(),
        () => config.receiver.stop(),
        () => redis.dispose(),
        () => config.server?.dispose(),
      ),
    60_000,
  );

  return {
    redis,
    receiver: config.receiver,
    workers,
    get db() {
      if (!db) throw new Error('The fault rig is set up in beforeAll');
      return db;
    },
    get publisher() {
      if (!publisher) throw new Error('The fault rig is set up in beforeAll');
      return publisher;
    },
  };
}
