import { loyaltyCatalog, systemClock } from '@hookline/core';
import type { DataSource } from 'typeorm';
import { sqliteDialect } from '../storage/dialects/sqlite/sqlite-dialect';
import type { SqlRunner } from '../storage/sql-runner';
import type { AfterCommitHooks } from './after-commit';
import type { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import { NO_TRACING } from '../tracing/tracing';
import { WebhookPublisher } from './webhook-publisher';

describe('WebhookPublisher when the database fails', () => {
  function publisherOn(transaction: () => Promise<never>) {
    const enqueueNew = jest.fn();
    const joined = jest.fn();
    const publisher = new WebhookPublisher({
      dataSource: { manager: {} } as unknown as DataSource,
      // The SQLite path: every publish is one transaction.
      sql: { dialect: sqliteDialect, transaction } as unknown as SqlRunner,
      catalog: loyaltyCatalog(),
      enqueuer: { enqueueNew, announce: () => joined } as unknown as DeliveryEnqueuer,
      afterCommit: {} as AfterCommitHooks,
      clock: systemClock,
      maxPayloadBytes: 1_000,
      tracing: NO_TRACING,
    });
    return { publisher, enqueueNew, joined };
  }

  it('rejects with PublishNotStoredError, keeping the cause, and enqueues nothing', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { publisher, enqueueNew, joined } = publisherOn(() => Promise.reject(refused));
    const publishing = publisher.publish('points.earned', { customer_id: 'c1', amount: 5 }, { tenant: 'shop' });
    await expect(publishing).rejects.toMatchObject({ name: 'PublishNotStoredError', code: 'HOOKLINE_PUBLISH_NOT_STORED', cause: refused });
    await expect(publishing).rejects.toThrow(/did not confirm storing the message \(connect ECONNREFUSED 127\.0\.0\.1:5432\)\. Treat it as not published/);
    expect(enqueueNew).not.toHaveBeenCalled();
    // The failed publish no longer counts as one still writing: others' jobs do not wait for it.
    expect(joined).toHaveBeenCalled();
  });

  it('leaves invalid input errors as they are', async () => {
    const { publisher } = publisherOn(() => Promise.reject(new Error('unreachable')));
    await expect(publisher.publish('points.earned', { customer_id: 'c1', amount: 'x' }, { tenant: 'shop' })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_EVENT_DATA',
    });
  });
});
