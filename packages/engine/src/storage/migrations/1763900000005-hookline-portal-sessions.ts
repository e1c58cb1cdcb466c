import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [{ name: 'expires_at', postgres: 'bigint', sqlite: 'bigint', mysql: 'bigint NULL' }];

/** When a key stops working: portal sessions are API keys with an expiry. */
export class HooklinePortalSessions1763900000005 implements MigrationInterface {
  name = 'HooklinePortalSessions1763900000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_api_key', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_api_key', COLUMNS));
  }
}
