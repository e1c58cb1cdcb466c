import type { Clock } from '@hookline/core';
import type { DataSource, Repository } from 'typeorm';
import type { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import type { SqlRunner } from '../storage/sql-runner';
import { WebhookAttemptEntity } from '../storage/webhook-attempt.entity';
import { WebhookDeliveryEntity, type DeliveryStatus } from '../storage/webhook-delivery.entity';
import { pageSize } from '../paging/page-size';
import type { Page, TenantScope } from '../subscriptions/subscription-input';
import { DeliveryNotFoundError, DeliveryNotResendableError } from './delivery-errors';
import { toAttemptView, toDeliveryView, type DeliveryView, type DeliveryWithAttempts } from './delivery-view';
import type { SentBodies } from './sent-body';

export interface ListDeliveriesInput {
  tenant: string;
  subscriptionId?: string;
  messageId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  since?: Date;
  until?: Date;
  /** The last id of the previous page; pages run newest first. */
  cursor?: string;
  limit?: number;
}

export interface ReplayDeliveriesInput {
  tenant: string;
  subscriptionId: string;
  /** Only failed deliveries are replayed: pending ones are still on their way, delivered ones arrived. */
  status: 'failed';
  /** Deliveries created at or after this time. */
  since?: Date;
  /** Deliveries created before this time. */
  until?: Date;
}

// Rows restarted per statement: bounded so a replay of months of failures never holds a long lock.
const REPLAY_CHUNK = 500;

// A new attempt series from now; attempts of earlier series stay. A delivery claimed by a worker is left alone.
const RESTART_SERIES = {
  set: `status = 'pending', attempt_count = 0, series_started_at = :now, next_attempt_at = :now, delivered_at = NULL, updated_at = :now`,
  where: 'id IN (:...ids) AND (locked_until IS NULL OR locked_until < :now)',
  returning: ['id'],
};

/** The delivery log: read it, and send a delivery again. */
export class WebhookDeliveries {
  private readonly deliveries: Repository<WebhookDeliveryEntity>;
  private readonly attempts: Repository<WebhookAttemptEntity>;

  constructor(
    private readonly deps: { dataSource: DataSource; sql: SqlRunner; enqueuer: DeliveryEnqueuer; clock: Clock; bodies: SentBodies },
  ) {
    this.deliveries = deps.dataSource.getRepository<WebhookDeliveryEntity>(WebhookDeliveryEntity.name);
    this.attempts = deps.dataSource.getRepository<WebhookAttemptEntity>(WebhookAttemptEntity.name);
  }

  /** Newest first, filtered, `limit` (≤ MAX_PAGE_SIZE) at a time. */
  async list(input: ListDeliveriesInput): Promise<Page<DeliveryView>> {
    const limit = pageSize(input.limit);
    const query = this.deliveries
      .createQueryBuilder('d')
      .where('d.tenant = :tenant', { tenant: input.tenant })
      .orderBy('d.id', 'DESC')
      .take(limit + 1);
    if (input.subscriptionId) query.andWhere('d.subscription_id = :subscriptionId', { subscriptionId: input.subscriptionId });
    if (input.messageId) query.andWhere('d.message_id = :messageId', { messageId: input.messageId });
    if (input.status) query.andWhere('d.status = :status', { status: input.status });
    if (input.eventType) query.andWhere('d.event_type = :eventType', { eventType: input.eventType });
    if (input.since) query.andWhere('d.created_at >= :since', { since: input.since.getTime() });
    if (input.until) query.andWhere('d.created_at < :until', { until: input.until.getTime() });
    if (input.cursor) query.andWhere('d.id < :cursor', { cursor: input.cursor });
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    return { data: page.map(toDeliveryView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** One delivery with the body it sent and every attempt, oldest attempt first. */
  async get(id: string, scope: TenantScope = {}): Promise<DeliveryWithAttempts> {
    const row = await this.find(id, scope);
    const [body, attempts] = await Promise.all([
      this.deps.bodies.of(row),
      this.attempts.find({ where: { deliveryId: row.id }, order: { startedAt: 'ASC', id: 'ASC' } }),
    ]);
    return { ...toDeliveryView(row), body, attempts: attempts.map(toAttemptView) };
  }

  /**
   * Starts a new series of attempts now, keeping the id (receivers de-duplicate on it) and every
   * earlier attempt. A delivery that is being attempted right now cannot be resent.
   */
  async resend(id: string, scope: TenantScope = {}): Promise<DeliveryView> {
    const row = await this.find(id, scope);
    const restarted = await this.restart([row.id], this.deps.clock.now().getTime(), 'resend');
    if (restarted === 0) {
      throw new DeliveryNotResendableError(`Delivery ${row.id} is being attempted right now; try again once that attempt ends.`, {
        pointer: '/id',
      });
    }
    return toDeliveryView(await this.find(id, scope));
  }

  /**
   * Re-queues a subscription's failed deliveries created in [since, until), a chunk at a time,
   * each as a new attempt series like resend. Returns how many were queued; the sending itself
   * happens on the workers.
   */
  async replay(input: ReplayDeliveriesInput): Promise<number> {
    const now = this.deps.clock.now().getTime();
    let queued = 0;
    let after = '';
    for (;;) {
      const query = this.deliveries
        .createQueryBuilder('d')
        .select('d.id', 'id')
        .where('d.tenant = :tenant AND d.subscription_id = :subscriptionId AND d.status = :status AND d.id > :after', {
          tenant: input.tenant,
          subscriptionId: input.subscriptionId,
          status: input.status,
          after,
        })
        .orderBy('d.id', 'ASC')
        .limit(REPLAY_CHUNK);
      if (input.since) query.andWhere('d.created_at >= :since', { since: input.since.getTime() });
      if (input.until) query.andWhere('d.created_at < :until', { until: input.until.getTime() });
      const ids = (await query.getRawMany<{ id: string }>()).map((r) => r.id);
      if (ids.length === 0) break;
      queued += await this.restart(ids, now, 'replay', input.status);
      after = ids[ids.length - 1];
      if (ids.length < REPLAY_CHUNK) break;
    }
    return queued;
  }

  /** Starts a new series for the given deliveries and enqueues them; returns how many restarted. */
  private async restart(ids: string[], now: number, reason: string, onlyStatus?: DeliveryStatus): Promise<number> {
    const restarted = await this.deps.sql.updateReturning<{ id: string }>(
      { ...RESTART_SERIES, table: this.deps.sql.tables.delivery, where: `${RESTART_SERIES.where}${onlyStatus ? ' AND status = :onlyStatus' : ''}` },
      { ids, now, onlyStatus },
    );
    // A tag per request keeps the job key distinct from the delivery's earlier jobs.
    await this.deps.enqueuer.enqueueRetries(restarted.map((r) => ({ deliveryId: r.id, attemptCount: 0, delayMs: 0, tag: `${reason}${now}` })));
    return restarted.length;
  }

  private async find(id: string, scope: TenantScope): Promise<WebhookDeliveryEntity> {
    const row = typeof id === 'string' ? await this.deliveries.findOneBy({ id }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new DeliveryNotFoundError(`No delivery ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    return row;
  }
}
