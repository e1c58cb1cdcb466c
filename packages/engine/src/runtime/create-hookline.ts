import type { DataSource } from 'typeorm';
import type { WebhookApiKeys } from '../api-keys/webhook-api-keys';
import type { WebhookPortal } from '../portal/webhook-portal';
import type { WebhookDeliveries } from '../deliveries/webhook-deliveries';
import type { WebhookInbox } from '../inbox/webhook-inbox';
import type { WebhookMessages } from '../messages/webhook-messages';
import type { HealthReport } from '../operations/health-report';
import type { HooklineMetrics } from '../operations/hookline-metrics';
import type { HooklineOptions } from '../options/hookline-options';
import { WebhooksConfigError } from '../options/webhooks-config-error';
import type { WebhookPublisher } from '../publishing/webhook-publisher';
import type { WebhookStats } from '../stats/webhook-stats';
import { HOOKLINE_ENTITIES } from '../storage/entities';
import type { WebhookSubscriptions } from '../subscriptions/webhook-subscriptions';
import type { TestEventSender } from '../test-events/test-event-sender';
import { consoleLogger } from './console-logger';
import type { HooklineLogger } from '../options/hookline-logger';
import { HooklineRuntime, type EventEmitterLike } from './hookline-runtime';

/** What the host owns and lends to Hookline. */
export interface HooklineHost {
  /** An initialized TypeORM DataSource whose entities include `HOOKLINE_ENTITIES`. */
  dataSource: DataSource;
  /** Where Hookline writes its few lines (start, stop, recoveries); `console` with a `[hookline]` prefix by default. */
  logger?: HooklineLogger;
  /** Receives the operational events (`hookline.delivery.exhausted` …), e.g. a Node EventEmitter. */
  events?: EventEmitterLike;
}

/** One Hookline: the services a Nest app injects, and the worker's start and stop. */
export interface Hookline {
  readonly publisher: WebhookPublisher;
  readonly subscriptions: WebhookSubscriptions;
  readonly deliveries: WebhookDeliveries;
  readonly messages: WebhookMessages;
  readonly stats: WebhookStats;
  readonly apiKeys: WebhookApiKeys;
  /** Short-lived, tenant-scoped dashboard sessions for a host to embed (an iframe), instead of handing out an API key. */
  readonly portal: WebhookPortal;
  /** Runs a received webhook's handler once per sender and event id, in the host's transaction when given its manager. */
  readonly inbox: WebhookInbox;
  /** Sends a subscription the catalog's test event and answers with the first attempt. */
  readonly testEvents: TestEventSender;
  /** Prometheus figures: `metrics.registry.metrics()` is the text a scraper reads. */
  readonly metrics: HooklineMetrics;
  /** The database, the queue and the sweeper; `detail: false` answers only up or down. */
  health(options?: { detail?: boolean }): Promise<HealthReport>;
  /** Starts consuming deliveries and sweeping, as the options say. */
  start(): Promise<void>;
  /** Stops taking work, lets in-flight attempts finish (up to `worker.shutdownGraceMs`), closes what it opened. */
  stop(): Promise<void>;
}

/**
 * Hookline without a framework: `const hookline = createHookline(options, { dataSource })`,
 * then `await hookline.start()`, `hookline.publisher.publish(...)`, and `await hookline.stop()`
 * on shutdown. The options are the Nest module's, less what only Nest has (the bridge, the
 * REST API and the dashboard).
 */
export function createHookline(options: HooklineOptions, host: HooklineHost): Hookline {
  return hooklineOf(createHooklineRuntime(options, host));
}

/** The runtime behind createHookline, for the test kit, which drains it (not exported by the package). */
export function createHooklineRuntime(options: HooklineOptions, host: HooklineHost): HooklineRuntime {
  checkDataSource(host.dataSource);
  return new HooklineRuntime(options, host.dataSource, host.logger ?? consoleLogger, host.events);
}

/** The host's face of a runtime: its services, health, start and stop. */
export function hooklineOf(runtime: HooklineRuntime): Hookline {
  return {
    publisher: runtime.publisher,
    subscriptions: runtime.subscriptions,
    deliveries: runtime.deliveries,
    messages: runtime.messages,
    stats: runtime.stats,
    apiKeys: runtime.apiKeys,
    portal: runtime.portal,
    inbox: runtime.inbox,
    testEvents: runtime.testEvents,
    metrics: runtime.metrics,
    health: ({ detail = true } = {}) => runtime.health(detail),
    start: () => runtime.start(),
    stop: () => runtime.stop(),
  };
}

function checkDataSource(dataSource: DataSource | undefined): void {
  if (!dataSource || typeof dataSource.getMetadata !== 'function') {
    throw new WebhooksConfigError('createHookline needs `{ dataSource }`: a TypeORM DataSource whose entities include HOOKLINE_ENTITIES.', { pointer: '/dataSource' });
  }
  if (!dataSource.isInitialized) {
    throw new WebhooksConfigError('The DataSource is not initialized yet: `await dataSource.initialize()` before createHookline().', { pointer: '/dataSource' });
  }
  // By name: on MySQL the DataSource holds the LONGTEXT class of the message entity (HOOKLINE_MYSQL_ENTITIES).
  const missing = HOOKLINE_ENTITIES.filter((entity) => !dataSource.hasMetadata(entity.name)).map((entity) => entity.name);
  if (missing.length > 0) {
    throw new WebhooksConfigError(
      `The DataSource does not know Hookline's entities (${missing.join(', ')}): add \`...HOOKLINE_ENTITIES\` (\`...HOOKLINE_MYSQL_ENTITIES\` on MySQL/MariaDB) to its \`entities\`, and HOOKLINE_MIGRATIONS to its \`migrations\`.`,
      { pointer: '/dataSource' },
    );
  }
}
