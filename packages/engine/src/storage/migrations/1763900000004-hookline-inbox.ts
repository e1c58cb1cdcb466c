import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox of received webhooks, so a redelivered one runs its handler once. */
export class HooklineInbox1763900000004 implements MigrationInterface {
  name = 'HooklineInbox1763900000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_inbox" ("sender" character varying(128) NOT NULL, "event_id" character varying(255) NOT NULL, "received_at" bigint NOT NULL, CONSTRAINT "PK_webhook_inbox" PRIMARY KEY ("sender", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_webhook_inbox_received" ON "webhook_inbox" ("received_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_webhook_inbox_received"`);
    await queryRunner.query(`DROP TABLE "webhook_inbox"`);
  }
}
