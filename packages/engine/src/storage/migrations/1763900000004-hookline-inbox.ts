import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements, type StatementsByDatabase } from './migration-statements';

const UP: StatementsByDatabase = {
  postgres: [
    `CREATE TABLE "webhook_inbox" ("sender" character varying(128) NOT NULL, "event_id" character varying(255) NOT NULL, "received_at" bigint NOT NULL,
      CONSTRAINT "PK_webhook_inbox" PRIMARY KEY ("sender", "event_id"))`,
    `CREATE INDEX "idx_webhook_inbox_received" ON "webhook_inbox" ("received_at")`,
  ],
  sqlite: [
    `CREATE TABLE "webhook_inbox" ("sender" varchar(128) NOT NULL, "event_id" varchar(255) NOT NULL, "received_at" bigint NOT NULL,
      PRIMARY KEY ("sender", "event_id"))`,
    `CREATE INDEX "idx_webhook_inbox_received" ON "webhook_inbox" ("received_at")`,
  ],
  mysql: [
    `CREATE TABLE webhook_inbox (sender varchar(128) NOT NULL, event_id varchar(255) NOT NULL, received_at bigint NOT NULL,
      INDEX idx_webhook_inbox_received (received_at), PRIMARY KEY (sender, event_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ],
};

const DOWN: StatementsByDatabase = {
  postgres: [`DROP TABLE "webhook_inbox"`],
  sqlite: [`DROP TABLE "webhook_inbox"`],
  mysql: ['DROP TABLE webhook_inbox'],
};

/** The inbox of received webhooks, so a redelivered one runs its handler once. */
export class HooklineInbox1763900000004 implements MigrationInterface {
  name = 'HooklineInbox1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, DOWN);
  }
}
