import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumns, dropColumns, type AddedColumn } from './add-columns';
import { runStatements } from './migration-statements';

const COLUMNS: AddedColumn[] = [
  { name: 'traceparent', postgres: 'character varying(55)', sqlite: 'varchar(55)', mysql: 'varchar(55) NULL' },
  { name: 'tracestate', postgres: 'character varying(512)', sqlite: 'varchar(512)', mysql: 'varchar(512) NULL' },
];

/** The W3C trace context a message was published in, sent with each of its attempts. */
export class HooklineTraceContext1763900000007 implements MigrationInterface {
  name = 'HooklineTraceContext1763900000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, addColumns('webhook_message', COLUMNS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, dropColumns('webhook_message', COLUMNS));
  }
}
