import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [
  { name: 'rate_limit_per_second', postgres: 'integer', sqlite: 'integer', mysql: 'int NULL' },
  { name: 'rate_limit_per_minute', postgres: 'integer', sqlite: 'integer', mysql: 'int NULL' },
  { name: 'rate_second_tat_us', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
  { name: 'rate_minute_tat_us', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
  { name: 'rate_limited_until', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' },
];

/** A subscription's rate limit and its token bucket, shared by every worker process through the row. */
export class HooklineRateLimits1763900000009 implements MigrationInterface {
  name = 'HooklineRateLimits1763900000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_subscription', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_subscription', COLUMNS));
  }
}
