import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [
  { name: 'failure_streak', postgres: `integer NOT NULL DEFAULT '0'`, sqlite: 'integer NOT NULL DEFAULT (0)', mysql: `int NOT NULL DEFAULT '0'` },
  { name: 'failing_since', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
  { name: 'breaker_open_until', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
];

/** Per-subscription failure streak and circuit breaker state. */
export class HooklineEndpointHealth1763900000002 implements MigrationInterface {
  name = 'HooklineEndpointHealth1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_subscription', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_subscription', COLUMNS));
  }
}
