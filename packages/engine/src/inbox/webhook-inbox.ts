import type { Clock } from '@hookline/core';
import type { EntityManager } from 'typeorm';
import type { SqlRunner } from '../storage/sql-runner';
import { InvalidInboxKeyError } from './inbox-errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 1_000;

/** A received webhook: the sender's name (as the receiver knows it) and the event id it sent. */
export interface InboxKey {
  sender: string;
  id: string;
}

export type ProcessOnceResult<T> = { processed: true; result: T } | { processed: false };

export interface ProcessOnceOptions {
  /** The host's EntityManager: inside its transaction, the inbox row commits or rolls back with the host's writes. */
  manager?: EntityManager;
}

export interface InboxRetention {
  /** How long a received id is remembered; longer than any sender retries (Stripe: 3 days, Standard Webhooks senders: about 5). Default 30. */
  days: number;
  /** How often old rows are deleted (ms); default one hour. */
  intervalMs: number;
}

export const INBOX_RETENTION_DEFAULTS: InboxRetention = { days: 30, intervalMs: 60 * 60 * 1000 };

/**
 * Runs a received webhook's handler once per sender and event id. The inbox row is inserted in
 * the same transaction as the handler's work: a redelivery finds it and skips; a copy arriving
 * while the first is still running waits on the row's key and then skips; a handler that throws
 * rolls the row back with its own writes, so the sender's retry runs it again.
 */
export class WebhookInbox {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
    private readonly retention: InboxRetention = INBOX_RETENTION_DEFAULTS,
  ) {}

  async processOnce<T>(key: InboxKey, handler: (manager: EntityManager) => Promise<T> | T, options: ProcessOnceOptions = {}): Promise<ProcessOnceResult<T>> {
    checkKey(key);
    const run = async (manager: EntityManager): Promise<ProcessOnceResult<T>> => {
      const now = this.clock.now().getTime();
      const inserted = await this.sql.dialect.insertOnce(this.sql, this.sql.tables.inbox, ['sender', 'event_id', 'received_at'], [key.sender, key.id, now], manager);
      if (!inserted) return { processed: false };
      return { processed: true, result: await handler(manager) };
    };
    const manager = options.manager;
    // Inside the host's transaction the host commits; otherwise the row and the handler get one of their own.
    if (manager?.queryRunner?.isTransactionActive) return run(manager);
    return this.sql.transaction(run, manager);
  }

  /** Deletes ids received longer ago than the retention keeps them; returns how many. */
  async prune(): Promise<number> {
    const cutoff = this.clock.now().getTime() - this.retention.days * DAY_MS;
    let total = 0;
    for (;;) {
      const deleted = await this.sql.dialect.deleteSome(this.sql, this.sql.tables.inbox, 'received_at < :cutoff', { cutoff }, PRUNE_BATCH, ['sender', 'event_id']);
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }

  /** Prunes every `intervalMs` until stop(). */
  start(onError: (error: unknown) => void): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.prune().catch(onError), this.retention.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

function checkKey(key: InboxKey): void {
  const { sender, id } = key ?? ({} as InboxKey);
  if (typeof sender !== 'string' || sender.length === 0 || sender.length > 128) {
    throw new InvalidInboxKeyError('processOnce needs `sender`: the sender\'s name, 1 to 128 characters.', { pointer: '/sender' });
  }
  if (typeof id !== 'string' || id.length === 0 || id.length > 255) {
    throw new InvalidInboxKeyError(
      `processOnce needs \`id\`: the event id ${sender} sent, 1 to 255 characters (got ${typeof id === 'string' ? `${id.length} characters` : typeof id}).`,
      { pointer: '/id' },
    );
  }
}
