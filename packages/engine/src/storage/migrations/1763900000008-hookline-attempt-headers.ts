import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [{ name: 'headers', postgres: 'text', sqlite: 'text', mysql: 'text NULL' }];

/** Each attempt's request and response headers, masked before they are written: one column, so an attempt stays one row write. */
export class HooklineAttemptHeaders1763900000008 implements MigrationInterface {
  name = 'HooklineAttemptHeaders1763900000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_attempt', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_attempt', COLUMNS));
  }
}
