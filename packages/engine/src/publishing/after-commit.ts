import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

// transactionDepth lives on every concrete QueryRunner but not on the interface.
type NestingQueryRunner = QueryRunner & { transactionDepth: number };

interface Pending {
  depth: number;
  run: () => Promise<void>;
}

/**
 * Runs work after the host's transaction commits, and drops it if the transaction (or the
 * savepoint the work was registered in) rolls back. This is what makes publishing inside a
 * host transaction an outbox: nothing is enqueued for rows that never became visible.
 * Work lost here (a crash right after COMMIT) is recovered by the sweeper.
 */
export class AfterCommitHooks implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Registers this hook set on a DataSource; idempotent. */
  attach(dataSource: DataSource): this {
    if (!dataSource.subscribers.includes(this)) dataSource.subscribers.push(this);
    return this;
  }

  detach(dataSource: DataSource): void {
    const index = dataSource.subscribers.indexOf(this);
    if (index >= 0) dataSource.subscribers.splice(index, 1);
  }

  /** Queues `run` to follow the commit of the transaction `queryRunner` is in. */
  register(queryRunner: QueryRunner, run: () => Promise<void>): void {
    const list = this.pending.get(queryRunner) ?? [];
    list.push({ depth: (queryRunner as NestingQueryRunner).transactionDepth, run });
    this.pending.set(queryRunner, list);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the outer transaction decides
    const list = this.pending.get(runner);
    if (!list) return;
    this.pending.delete(runner);
    for (const item of list) {
      try {
        await item.run();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner as NestingQueryRunner;
    const list = this.pending.get(runner);
    if (!list) return;
    // After the rollback, transactionDepth is the depth that survived; work registered deeper is gone.
    const surviving = runner.isTransactionActive ? list.filter((item) => item.depth <= runner.transactionDepth) : [];
    if (surviving.length > 0) this.pending.set(runner, surviving);
    else this.pending.delete(runner);
  }
}
