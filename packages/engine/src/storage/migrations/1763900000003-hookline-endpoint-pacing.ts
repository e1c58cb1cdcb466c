import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [
  { name: 'breaker_opened_at', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
  { name: 'concurrency_limit', postgres: 'integer', sqlite: 'integer', mysql: 'int NULL' },
];

/** When the circuit opened (probes back off from it) and the endpoint's concurrency limit last reported by a worker. */
export class HooklineEndpointPacing1763900000003 implements MigrationInterface {
  name = 'HooklineEndpointPacing1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_subscription', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_subscription', COLUMNS));
  }
}
