import { isHooklineError, type EventCatalog, type Clock } from '@hookline/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { SqlRunner } from '../storage/sql-runner';
import type { AfterCommitHooks } from './after-commit';
import type { DeliveryEnqueuer, SubscriptionDeliveries } from '../queue/delivery-enqueuer';
import { writeMessages, writeMessagesInOneStatement, type HoldsAtPublish, type MessageToWrite, type WrittenMessage } from '../storage/message-writer';
import { InvalidPublishOptionsError, PayloadTooLargeError, PublishNotStoredError } from './publish-errors';
import type { PublishInput, PublishOptions, PublishResult } from './publish-types';
import { readTraceContextOption } from './trace-context-option';
import type { PublishTrace, Tracing } from '../tracing/tracing';

export interface WebhookPublisherDeps {
  dataSource: DataSource;
  sql: SqlRunner;
  catalog: EventCatalog;
  enqueuer: DeliveryEnqueuer;
  afterCommit: AfterCommitHooks;
  clock: Clock;
  maxPayloadBytes: number;
  /** Publish spans, and the trace context each message stores. */
  tracing: Tracing;
  /** Told of every new (not duplicate) message once it is committed; feeds the metrics. */
  onPublished?: (eventType: string) => void;
  /** This process's worker, which knows which endpoints are backed up; absent: every new delivery is due now. */
  holds?: PublishHolds;
}

/**
 * Subscriptions whose endpoint is so backed up (slow, every slot taken, the next free one seconds
 * away) that a new delivery would only be claimed to be put back. Their new deliveries are written
 * due when a slot should be free and get no job: the worker brings them forward when the endpoint
 * answers fast again, the sweeper when they are due. That saves the claim, its write and a job per
 * delivery, which a slow endpoint would otherwise cost every publish.
 */
export interface PublishHolds {
  holding: HoldsAtPublish;
  /** `count` new deliveries to the subscription were committed due at `until`. */
  held(subscriptionId: string, count: number, until: Date): void;
}

const MAX_MESSAGES_PER_STATEMENT = 1_000;

/** A publish's new deliveries, sorted in one pass into what goes to the queue and what was held back. */
interface NewDeliveries {
  /**
   * Those due now, one subscription's after another's (publish order kept within each): the queue
   * cuts them into jobs in this order, so a job mostly serves one endpoint and names it, and one
   * endpoint held back does not leave the others' jobs half empty.
   */
  due: SubscriptionDeliveries[];
  /** Per held subscription: how many were written due later, and the latest of those times. */
  held: Map<string, { count: number; until: Date }>;
}

function sortNew(written: WrittenMessage[]): NewDeliveries {
  const dueBySubscription = new Map<string, string[]>();
  const held: NewDeliveries['held'] = new Map();
  for (const { id, subscriptionId, heldUntil: until } of written.flatMap((w) => w.deliveries)) {
    if (until) {
      const seen = held.get(subscriptionId);
      held.set(subscriptionId, { count: (seen?.count ?? 0) + 1, until: seen && seen.until > until ? seen.until : until });
      continue;
    }
    const ids = dueBySubscription.get(subscriptionId);
    if (ids) ids.push(id);
    else dueBySubscription.set(subscriptionId, [id]);
  }
  return { due: [...dueBySubscription].map(([subscriptionId, deliveryIds]) => ({ subscriptionId, deliveryIds })), held };
}

/**
 * Turns domain events into stored messages and deliveries (the outbox), then hands the
 * delivery ids to the queue once the rows are committed.
 */
export class WebhookPublisher {
  constructor(private readonly deps: WebhookPublisherDeps) {}

  /** Publishes one event to every matching subscription of `options.tenant`. */
  async publish(type: string, data: unknown, options: PublishOptions): Promise<PublishResult> {
    const [result] = await this.publishMany([{ type, data, ...options }], { manager: options.manager });
    return result;
  }

  /** Publishes many events in one transaction (the host's, when `manager` is given). */
  async publishMany(inputs: PublishInput[], options: { manager?: EntityManager } = {}): Promise<PublishResult[]> {
    if (inputs.length === 0) return [];
    const messages = inputs.map((input, index) => this.prepare(input, inputs.length > 1 ? `/${index}` : ''));
    // Spans start once every input is valid, so a refused batch leaves none unended.
    const traces = messages.map((message) => this.traced(message));
    let written: WrittenMessage[];
    try {
      written = await this.write(messages, options.manager);
    } catch (error) {
      for (const trace of traces) trace.end({ error });
      throw error;
    }
    traces.forEach((trace, index) => trace.end(written[index]));
    return written.map(({ messageId, deliveryCount, duplicate }) => ({ messageId, deliveryCount, duplicate }));
  }

  private async write(messages: MessageToWrite[], host: EntityManager | undefined): Promise<WrittenMessage[]> {
    const write = async (manager: EntityManager) => {
      const written: WrittenMessage[] = [];
      for (let start = 0; start < messages.length; start += MAX_MESSAGES_PER_STATEMENT) {
        const chunk = messages.slice(start, start + MAX_MESSAGES_PER_STATEMENT);
        written.push(...(await writeMessages(this.deps.sql, manager, chunk, this.deps.clock.now(), this.deps.holds?.holding)));
      }
      return written;
    };
    let written: WrittenMessage[];
    if (host?.queryRunner?.isTransactionActive) {
      written = await this.stored(messages.length, () => write(host));
      const { due, held } = sortNew(written);
      this.deps.afterCommit.register(host.queryRunner, async () => {
        this.countPublished(messages, written);
        this.noteHeld(held);
        if (due.length > 0) await this.deps.enqueuer.enqueueNewBySubscription(due);
      });
    } else {
      const manager = host ?? this.deps.dataSource.manager;
      // Publishes writing at the same time may then share one job (see DeliveryEnqueuer).
      const joined = this.deps.enqueuer.announce();
      try {
        written = await this.stored(messages.length, async () => {
          // On PostgreSQL most publishes fit one atomic statement: no transaction round trips.
          const single =
            messages.length <= MAX_MESSAGES_PER_STATEMENT
              ? await writeMessagesInOneStatement(this.deps.sql, manager, messages, this.deps.clock.now(), this.deps.holds?.holding)
              : undefined;
          return single ?? this.deps.sql.transaction(write, manager);
        });
      } catch (error) {
        joined();
        throw error;
      }
      this.countPublished(messages, written);
      const { due, held } = sortNew(written);
      this.noteHeld(held);
      await this.deps.enqueuer.enqueueNewBySubscription(due, joined);
    }
    return written;
  }

  /** Starts the message's publish span and stores the context it yields (the given one, the active one, or none). */
  private traced(message: MessageToWrite): PublishTrace {
    const given = message.traceparent ? { traceparent: message.traceparent, tracestate: message.tracestate ?? undefined } : null;
    const trace = this.deps.tracing.publishing({ type: message.type, tenant: message.tenant, traceContext: given });
    message.traceparent = trace.context?.traceparent ?? null;
    message.tracestate = trace.context?.tracestate ?? null;
    return trace;
  }

  /** Tells the worker how many new deliveries each held subscription got, and the latest they are due. */
  private noteHeld(held: NewDeliveries['held']): void {
    for (const [subscriptionId, { count, until }] of held) this.deps.holds?.held(subscriptionId, count, until);
  }

  private countPublished(messages: MessageToWrite[], written: WrittenMessage[]): void {
    written.forEach((message, index) => {
      if (!message.duplicate) this.deps.onPublished?.(messages[index].type);
    });
  }

  /** Runs the write; a database failure (a refused connection, a restart mid-transaction) is never mistaken for a publish. */
  private async stored<T>(messageCount: number, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      throw isHooklineError(error) ? error : new PublishNotStoredError(messageCount, error);
    }
  }

  private prepare(input: PublishInput, pointerBase: string): MessageToWrite {
    if (typeof input.tenant !== 'string' || input.tenant.length === 0 || input.tenant.length > 128) {
      throw new InvalidPublishOptionsError('publish needs `tenant`: a non-empty string of at most 128 characters.', {
        pointer: `${pointerBase}/tenant`,
      });
    }
    if (input.idempotencyKey !== undefined && (typeof input.idempotencyKey !== 'string' || input.idempotencyKey.length === 0 || input.idempotencyKey.length > 255)) {
      throw new InvalidPublishOptionsError('`idempotencyKey` must be a non-empty string of at most 255 characters.', {
        pointer: `${pointerBase}/idempotencyKey`,
      });
    }
    if (input.orderingKey !== undefined && (typeof input.orderingKey !== 'string' || input.orderingKey.length === 0 || input.orderingKey.length > 255)) {
      throw new InvalidPublishOptionsError('`orderingKey` must be a non-empty string of at most 255 characters.', {
        pointer: `${pointerBase}/orderingKey`,
      });
    }
    if (input.channels !== undefined && (!Array.isArray(input.channels) || input.channels.some((c) => typeof c !== 'string' || c.length === 0))) {
      throw new InvalidPublishOptionsError('`channels` must be an array of non-empty strings.', { pointer: `${pointerBase}/channels` });
    }
    const traceContext = readTraceContextOption(input.traceContext, `${pointerBase}/traceContext`);
    this.deps.catalog.assertPublishable(input.type, input.data);
    const payload = JSON.stringify(input.data);
    const bytes = Buffer.byteLength(payload, 'utf8');
    if (bytes > this.deps.maxPayloadBytes) {
      throw new PayloadTooLargeError(
        `The event data is ${bytes} bytes serialized; the limit is ${this.deps.maxPayloadBytes} (option maxPayloadBytes). Send an id and let receivers fetch the rest.`,
        { pointer: `${pointerBase}/data` },
      );
    }
    return {
      tenant: input.tenant,
      type: input.type,
      payload,
      channels: input.channels && input.channels.length > 0 ? input.channels : null,
      idempotencyKey: input.idempotencyKey ?? null,
      orderingKey: input.orderingKey ?? null,
      // The option's context, until traced() puts the publish span's in its place.
      traceparent: traceContext?.traceparent ?? null,
      tracestate: traceContext?.tracestate ?? null,
    };
  }
}
