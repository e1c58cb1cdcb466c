import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements, type StatementsByDatabase } from './migration-statements';

const COLUMNS: AddedColumn[] = [{ name: 'ordering_key', postgres: 'character varying(255)', sqlite: 'varchar(255)', mysql: 'varchar(255) NULL' }];

const ADDED = addColumns('webhook_delivery', COLUMNS);
const DROPPED = dropColumns('webhook_delivery', COLUMNS);

const UP: StatementsByDatabase = {
  postgres: [...ADDED.postgres, `CREATE INDEX "idx_webhook_delivery_order" ON "webhook_delivery" ("subscription_id", "ordering_key", "id") WHERE ordering_key IS NOT NULL`],
  sqlite: [...ADDED.sqlite, `CREATE INDEX "idx_webhook_delivery_order" ON "webhook_delivery" ("subscription_id", "ordering_key", "id") WHERE ordering_key IS NOT NULL`],
  // MySQL has no partial index: every row is in it.
  mysql: [...ADDED.mysql, 'CREATE INDEX idx_webhook_delivery_order ON webhook_delivery (subscription_id, ordering_key, id)'],
};

// PostgreSQL drops the index with its column; SQLite refuses to drop an indexed column, MySQL would keep the index's other columns.
const DOWN: StatementsByDatabase = {
  postgres: DROPPED.postgres,
  sqlite: ['DROP INDEX "idx_webhook_delivery_order"', ...DROPPED.sqlite],
  mysql: ['DROP INDEX idx_webhook_delivery_order ON webhook_delivery', ...DROPPED.mysql],
};

/** Each delivery's ordering key, and the index the claim uses to find an earlier delivery of the same key. */
export class HooklineOrderingKeys1763900000010 implements MigrationInterface {
  name = 'HooklineOrderingKeys1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, DOWN);
  }
}
