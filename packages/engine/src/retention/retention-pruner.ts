import type { Clock } from '@hookline/core';
import type { DataSource } from 'typeorm';
import type { WebhookInbox } from '../inbox/webhook-inbox';
import type { SqlRunner } from '../storage/sql-runner';
import type { ResolvedRetentionOptions } from '../options/retention-options';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneResult {
  attempts: number;
  messages: number;
  deliveries: number;
  /** Received webhooks' ids no longer remembered by the inbox. */
  inbox: number;
}

/**
 * Deletes what the retention policy no longer keeps, a batch at a time: old attempts, messages
 * whose deliveries all succeeded, and messages with failures once the replay window is over.
 * A message with a pending delivery is never touched, whatever its age. Then the inbox's old ids.
 */
export class RetentionPruner {
  private timer?: NodeJS.Timeout;
  private running?: Promise<PruneResult>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
    private readonly options: ResolvedRetentionOptions,
    private readonly onError: (error: unknown) => void,
    private readonly inbox?: WebhookInbox,
  ) {}

  start(): void {
    if (!this.options.enabled || this.timer) return;
    this.timer = setInterval(() => void this.prune().catch(this.onError), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One full pass; overlapping calls share it. */
  prune(): Promise<PruneResult> {
    this.running ??= this.pruneAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pruneAll(): Promise<PruneResult> {
    const now = this.clock.now().getTime();
    const result: PruneResult = { attempts: 0, messages: 0, deliveries: 0, inbox: 0 };
    const attemptCutoff = now - this.options.attemptsDays * DAY_MS;
    for (let deleted = -1; deleted !== 0; ) {
      deleted = await this.sql.dialect.deleteSome(this.sql, this.sql.tables.attempt, 'started_at < :cutoff', { cutoff: attemptCutoff }, this.options.batchSize);
      result.attempts += deleted;
    }
    await this.pruneMessages(now - this.options.deliveredMessagesDays * DAY_MS, `d.status <> 'delivered'`, result);
    await this.pruneMessages(now - this.options.failedMessagesDays * DAY_MS, `d.status = 'pending'`, result);
    result.inbox = (await this.inbox?.prune()) ?? 0;
    return result;
  }

  /** Deletes messages older than `cutoff` that have no delivery matching `blocking`, with their rows. */
  private async pruneMessages(cutoff: number, blocking: string, result: PruneResult): Promise<void> {
    for (;;) {
      const ids = (
        await this.sql.rows<{ id: string }>(
          `SELECT m.id FROM ${this.sql.tables.message} m
            WHERE m.created_at < :cutoff
              AND NOT EXISTS (SELECT 1 FROM ${this.sql.tables.delivery} d WHERE d.message_id = m.id AND ${blocking})
            LIMIT ${this.options.batchSize}`,
          { cutoff },
        )
      ).map((row) => row.id);
      if (ids.length === 0) return;
      await this.dataSource.transaction(async (manager) => {
        await this.sql.execute(
          `DELETE FROM ${this.sql.tables.attempt} WHERE delivery_id IN (SELECT id FROM ${this.sql.tables.delivery} WHERE message_id IN (:...ids))`,
          { ids },
          manager,
        );
        result.deliveries += await this.sql.execute(`DELETE FROM ${this.sql.tables.delivery} WHERE message_id IN (:...ids)`, { ids }, manager);
        result.messages += await this.sql.execute(`DELETE FROM ${this.sql.tables.message} WHERE id IN (:...ids)`, { ids }, manager);
      });
    }
  }
}
