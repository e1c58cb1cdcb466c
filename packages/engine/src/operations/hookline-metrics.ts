import type { Clock } from '@hookline/core';
import type { AttemptRecord } from '../storage/delivery-records';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryQueue } from '../queue/delivery-queue';
import type { SqlRunner } from '../storage/sql-runner';

/** Prometheus metrics of one Hookline runtime, on a registry of its own (hosts may merge it). */
export class HooklineMetrics {
  readonly registry = new Registry();
  private readonly attempts: Counter<'event_type' | 'outcome'>;
  private readonly finished: Counter<'event_type' | 'status'>;
  private readonly published: Counter<'event_type'>;
  private readonly attemptDuration: Histogram<'outcome'>;
  private readonly rateLimited: Counter;

  constructor(sql: SqlRunner, queue: DeliveryQueue, clock: Clock) {
    const registers = [this.registry];
    this.attempts = new Counter({ name: 'hookline_attempts_total', help: 'HTTP attempts by event type and outcome.', labelNames: ['event_type', 'outcome'], registers });
    this.finished = new Counter({
      name: 'hookline_deliveries_finished_total',
      help: 'Deliveries that reached a final state (delivered or failed).',
      labelNames: ['event_type', 'status'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'hookline_deliveries_rate_limited_total',
      help: "Deliveries put back to wait for their subscription's rate limit (no attempt spent), counted each time.",
      registers,
    });
    this.published = new Counter({ name: 'hookline_messages_published_total', help: 'Messages published, by event type.', labelNames: ['event_type'], registers });
    this.attemptDuration = new Histogram({
      name: 'hookline_attempt_duration_seconds',
      help: 'Duration of HTTP attempts.',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    // Backlog figures are read from the database at scrape time: it is the source of truth, and
    // every process reports the same numbers whichever worker did the work.
    new Gauge({
      name: 'hookline_deliveries_due',
      help: 'Pending deliveries whose next attempt is due now (the backlog).',
      registers,
      async collect() {
        const [row] = await sql.rows<{ n: string | number }>(
          `SELECT COUNT(*) AS n FROM ${sql.tables.delivery} WHERE status = 'pending' AND next_attempt_at <= :now`,
          { now: clock.now().getTime() },
        );
        this.set(Number(row?.n ?? 0));
      },
    });
    new Gauge({
      name: 'hookline_oldest_due_delivery_age_seconds',
      help: 'How long the oldest due delivery has been waiting; grows when workers stall.',
      registers,
      async collect() {
        const now = clock.now().getTime();
        const [row] = await sql.rows<{ oldest: string | number | null }>(
          `SELECT MIN(next_attempt_at) AS oldest FROM ${sql.tables.delivery} WHERE status = 'pending' AND next_attempt_at <= :now`,
          { now },
        );
        this.set(row?.oldest == null ? 0 : (now - Number(row.oldest)) / 1000);
      },
    });
    new Gauge({
      name: 'hookline_deliveries_pending',
      help: 'Pending deliveries, due or scheduled for a retry (parked ones included).',
      registers,
      async collect() {
        const [row] = await sql.rows<{ n: string | number }>(`SELECT COUNT(*) AS n FROM ${sql.tables.delivery} WHERE status = 'pending'`);
        this.set(Number(row?.n ?? 0));
      },
    });
    new Gauge({
      name: 'hookline_endpoint_concurrency_limit',
      help: "Each active subscription's adaptive limit of attempts in flight per worker process, as a worker last reported it.",
      labelNames: ['subscription_id'],
      registers,
      async collect() {
        this.reset();
        const rows = await sql.rows<{ id: string; concurrency_limit: string | number }>(
          `SELECT id, concurrency_limit FROM ${sql.tables.subscription} WHERE is_active = :active AND concurrency_limit IS NOT NULL`,
          { active: true },
        );
        for (const row of rows) this.set({ subscription_id: row.id }, Number(row.concurrency_limit));
      },
    });
    new Gauge({
      name: 'hookline_subscription_rate_limited_seconds',
      help: 'Subscriptions held by their rate limit: how long until the last delivery it holds back is due.',
      labelNames: ['subscription_id'],
      registers,
      async collect() {
        this.reset();
        const now = clock.now().getTime();
        const rows = await sql.rows<{ id: string; rate_limited_until: string | number }>(
          `SELECT id, rate_limited_until FROM ${sql.tables.subscription} WHERE rate_limited_until > :now`,
          { now },
        );
        for (const row of rows) this.set({ subscription_id: row.id }, (Number(row.rate_limited_until) - now) / 1000);
      },
    });
    new Gauge({
      name: 'hookline_queue_jobs',
      help: 'Jobs in the delivery queue by state.',
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await queue.counts();
        for (const [state, value] of Object.entries(counts)) this.set({ state }, value);
      },
    });
  }

  recordPublished(eventType: string, count = 1): void {
    this.published.inc({ event_type: eventType }, count);
  }

  recordAttempt(eventType: string, attempt: Pick<AttemptRecord, 'outcome' | 'durationMs' | 'next'>): void {
    this.attempts.inc({ event_type: eventType, outcome: attempt.outcome });
    this.attemptDuration.observe({ outcome: attempt.outcome }, attempt.durationMs / 1000);
    if (attempt.next.status !== 'pending') this.finished.inc({ event_type: eventType, status: attempt.next.status });
  }

  recordRateLimited(count: number): void {
    this.rateLimited.inc(count);
  }

  /** The text exposition format Prometheus scrapes. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
