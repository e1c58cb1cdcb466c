import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [{ name: 'headers_enc', postgres: 'text', sqlite: 'text', mysql: 'text NULL' }];

/** A subscription's own request headers, sealed like its secrets (they often carry credentials). */
export class HooklineSubscriptionHeaders1763900000006 implements MigrationInterface {
  name = 'HooklineSubscriptionHeaders1763900000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_subscription', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_subscription', COLUMNS));
  }
}
