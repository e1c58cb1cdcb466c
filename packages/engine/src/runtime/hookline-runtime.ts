import { createDeliverer, createUndiciTransport, type Deliverer, type Transport } from '@hookline/core';
import type { DataSource } from 'typeorm';
import { WebhookApiKeys } from '../api-keys/webhook-api-keys';
import { WebhookPortal } from '../portal/webhook-portal';
import { SentBodies } from '../deliveries/sent-body';
import { WebhookDeliveries } from '../deliveries/webhook-deliveries';
import { resolveOptions, type ResolvedWebhooksOptions } from '../options/resolve-options';
import type { HooklineOptions } from '../options/hookline-options';
import { WebhookMessages } from '../messages/webhook-messages';
import { ProfileRegistry } from '../options/profile-registry';
import { AfterCommitHooks } from '../publishing/after-commit';
import { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import { WebhookPublisher } from '../publishing/webhook-publisher';
import type { DeliveryQueue } from '../queue/delivery-queue';
import { SecretCipher } from '../secrets/secret-cipher';
import { SubscriptionHeaders } from '../secrets/subscription-headers';
import { SubscriptionSecrets } from '../secrets/subscription-secrets';
import { WebhookStats } from '../stats/webhook-stats';
import { checkDatabase, checkReachable } from '../storage/check-database';
import { checkTablePlacement } from '../storage/placement/check-table-placement';
import { DeliveryStore } from '../storage/delivery-store';
import { WebhookSubscriptions } from '../subscriptions/webhook-subscriptions';
import { TestEventSender } from '../test-events/test-event-sender';
import { DeliveryProcessor } from '../worker/delivery-processor';
import { EventLoopStalls } from '../worker/process-stalls';
import { operationalEventsVia, type OperationalEvents } from '../worker/operational-events';
import { SubscriptionDisabler } from '../worker/subscription-disabler';
import { Sweeper } from '../worker/sweeper';
import { RateGate } from '../rate-limits/rate-gate';
import { EndpointHealth } from '../worker/endpoint-health';
import { LimitReporter } from '../worker/limit-reporter';
import { createQueue } from '../queue/create-queue';
import { HooklineMetrics } from '../operations/hookline-metrics';
import { HooklineHealth } from '../operations/hookline-health';
import type { HealthReport } from '../operations/health-report';
import { RetentionPruner } from '../retention/retention-pruner';
import { WebhookInbox } from '../inbox/webhook-inbox';
import type { HooklineLogger } from '../options/hookline-logger';
import { runStartupMigrations } from '../migrate/startup-migrations';
import { loadTracing } from '../tracing/load-tracing';

export type EventEmitterLike = { emit(event: string, ...values: unknown[]): boolean };

/**
 * Every part of Hookline built from one options object, with no Nest in sight: the module wraps
 * it in providers, and a plain script (a benchmark, a worker) can use it directly.
 */
export class HooklineRuntime {
  readonly options: ResolvedWebhooksOptions;
  readonly store: DeliveryStore;
  readonly profiles: ProfileRegistry;
  readonly queue: DeliveryQueue;
  readonly enqueuer: DeliveryEnqueuer;
  readonly afterCommit: AfterCommitHooks;
  readonly publisher: WebhookPublisher;
  readonly subscriptions: WebhookSubscriptions;
  readonly deliveries: WebhookDeliveries;
  readonly messages: WebhookMessages;
  readonly apiKeys: WebhookApiKeys;
  readonly portal: WebhookPortal;
  readonly stats: WebhookStats;
  readonly testEvents: TestEventSender;
  readonly processor: DeliveryProcessor;
  readonly sweeper: Sweeper;
  readonly metrics: HooklineMetrics;
  readonly pruner: RetentionPruner;
  /** Received webhooks handled once per sender and id (processOnce). */
  readonly inbox: WebhookInbox;
  readonly events: OperationalEvents;
  private readonly healthChecks: HooklineHealth;
  private readonly limitReporter: LimitReporter;
  private readonly deliverer: Deliverer;
  private readonly ownedTransport?: Transport;
  private workerStarted = false;
  /** Time the worker's event loop was held does not make its endpoints look slow. */
  private readonly stalls: EventLoopStalls;

  constructor(
    rawOptions: HooklineOptions,
    readonly dataSource: DataSource,
    private readonly logger: HooklineLogger,
    emitter?: EventEmitterLike,
  ) {
    const options = (this.options = resolveOptions(rawOptions));
    if (options.usingDevelopmentKey) {
      logger.warn('No encryptionKey configured: using the development key. Set encryptionKey before storing real secrets.');
    }
    const clock = options.clock;
    this.stalls = new EventLoopStalls(clock);
    // Loaded once here, never per delivery; a MissingDependencyError under tracing: 'opentelemetry'.
    const tracing = loadTracing(options.tracing);
    this.store = new DeliveryStore(dataSource, { ...options.database, orderingOnFailure: options.ordering.onFailure });
    const sql = this.store.sql;
    this.events = operationalEventsVia(emitter);
    this.profiles = new ProfileRegistry(rawOptions.profile, rawOptions.profiles, rawOptions.retry);
    const cipher = new SecretCipher(options.encryptionKeys);
    const secrets = new SubscriptionSecrets(cipher, clock);
    const headers = new SubscriptionHeaders(cipher);
    this.queue = createQueue(options.queue, logger, options.worker.batchSize);
    this.metrics = new HooklineMetrics(sql, this.queue, clock);
    this.inbox = new WebhookInbox(sql, clock, { days: options.retention.inboxDays, intervalMs: options.retention.intervalMs });
    this.pruner = new RetentionPruner(
      dataSource,
      sql,
      clock,
      options.retention,
      (error) => logger.warn(`Retention pruning failed (${(error as Error).message}); the next interval will try again.`),
      this.inbox,
    );
    this.enqueuer = new DeliveryEnqueuer(this.queue, options.worker.batchSize, logger, options.enqueueWindowMs);
    this.afterCommit = new AfterCommitHooks((error) =>
      logger.error(`Enqueue after commit failed; the sweeper will recover: ${(error as Error).message}`),
    ).attach(dataSource);
    const { transport, ...deliveryOptions } = options.delivery;
    this.subscriptions = new WebhookSubscriptions({
      dataSource,
      sql,
      catalog: options.catalog,
      profiles: this.profiles,
      secrets,
      headers,
      enqueuer: this.enqueuer,
      clock,
      urlGuard: { allowHttp: deliveryOptions.allowHttp, allowedHosts: deliveryOptions.allowedHosts },
      secretGraceSeconds: options.secretGraceSeconds,
    });
    const bodies = new SentBodies({ dataSource, profiles: this.profiles, redact: rawOptions.redactPayload });
    this.deliveries = new WebhookDeliveries({ dataSource, sql, enqueuer: this.enqueuer, clock, bodies });
    // undici by default: 2-3x axios' throughput in the benchmark; 'axios' stays available.
    this.ownedTransport = transport === undefined || transport === 'undici' ? createUndiciTransport() : undefined;
    this.deliverer = createDeliverer({ ...deliveryOptions, transport: this.ownedTransport ?? (typeof transport === 'object' ? transport : undefined) });
    const disabler = new SubscriptionDisabler(sql, this.events, clock);
    const endpointHealth = new EndpointHealth(sql, clock, options.endpointHealth, this.events, disabler, this.enqueuer, logger);
    this.processor = new DeliveryProcessor({
      store: this.store,
      profiles: this.profiles,
      secrets,
      headers,
      send: this.deliverer,
      enqueuer: this.enqueuer,
      disabler,
      events: this.events,
      clock,
      tracing,
      timeoutMs: options.delivery.timeoutMs,
      leaseMarginMs: options.worker.leaseMarginMs,
      endpointConcurrency: options.worker.endpointConcurrency,
      endpointHealth,
      rateGate: new RateGate(sql, clock),
      onRateLimited: (count) => this.metrics.recordRateLimited(count),
      onAttempt: (eventType, record) => this.metrics.recordAttempt(eventType, record),
      stalls: this.stalls,
    });
    this.publisher = new WebhookPublisher({
      dataSource,
      sql,
      catalog: options.catalog,
      enqueuer: this.enqueuer,
      afterCommit: this.afterCommit,
      clock,
      maxPayloadBytes: options.maxPayloadBytes,
      tracing,
      onPublished: (eventType) => this.metrics.recordPublished(eventType),
      holds: this.processor.publishHolds,
    });
    this.limitReporter = new LimitReporter(sql, () => this.processor.slots.limits(), logger);
    this.messages = new WebhookMessages({ dataSource, redact: rawOptions.redactPayload });
    this.apiKeys = new WebhookApiKeys({ dataSource, clock });
    this.portal = new WebhookPortal({ dataSource, clock, apiKeys: this.apiKeys, dashboardUrl: options.portal.dashboardUrl });
    this.stats = new WebhookStats({ sql, clock });
    this.testEvents = new TestEventSender({
      dataSource,
      sql,
      catalog: options.catalog,
      subscriptions: this.subscriptions,
      deliveries: this.deliveries,
      processor: this.processor,
      clock,
      eventType: options.testEventType,
    });
    this.sweeper = new Sweeper(this.store, this.queue, clock, { ...options.sweeper, jobSize: options.worker.batchSize }, logger);
    this.healthChecks = new HooklineHealth({ sql, queue: this.queue, sweeper: this.sweeper, sweeperOptions: options.sweeper, clock });
  }

  /** The database, the queue and the sweeper, each bounded in time; without detail only up or down. */
  health(withDetail: boolean): Promise<HealthReport> {
    return this.healthChecks.report(withDetail);
  }

  /** Checks the database, brings Hookline's tables up to date (or checks them, as `migrations` says), then starts consuming deliveries and sweeping. */
  async start(): Promise<void> {
    // WebhooksConfigError, DatabaseCheckError and SchemaBehindError say what to change.
    checkTablePlacement(this.dataSource, this.options.database);
    await checkReachable(this.dataSource, this.store.sql);
    await runStartupMigrations(this.dataSource, this.options.migrations, this.logger);
    await checkDatabase(this.dataSource, this.store.sql);
    if (this.options.worker.enabled && !this.workerStarted) {
      this.workerStarted = true;
      this.stalls.start();
      // Attempts still running after a second go on without their job: slow endpoints keep no slots.
      await this.queue.startWorker((ids, subscriptionIds) => this.processor.process(ids, { detachAfterMs: 1_000, subscriptionIds }), {
        concurrency: this.options.worker.concurrency,
      });
    }
    if (this.options.sweeper.enabled) this.sweeper.start();
    // Pruning rides with the worker processes; API-only processes leave it to them.
    if (this.options.worker.enabled) {
      this.pruner.start();
      this.limitReporter.start();
    }
  }

  /** Stops taking work, lets in-flight attempts finish (up to the grace period), closes what it opened. */
  async stop(): Promise<void> {
    await this.sweeper.stop();
    await this.pruner.stop();
    if (this.workerStarted) {
      await this.queue.stopWorker(this.options.worker.shutdownGraceMs);
      await this.processor.drain(this.options.worker.shutdownGraceMs);
      await this.limitReporter.stop();
      this.stalls.stop();
    }
    await this.queue.close();
    await this.deliverer.close();
    await this.ownedTransport?.close();
    this.afterCommit.detach(this.dataSource);
  }
}
