import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hookline's tables for PostgreSQL. Add `HOOKLINE_MIGRATIONS` to the host DataSource's
 * `migrations` and run them with the host's usual `typeorm migration:run`.
 */
export class HooklineInit1763900000000 implements MigrationInterface {
  name = 'HooklineInit1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_subscription" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "url" character varying(2048) NOT NULL,
      "events" text NOT NULL, "channels" text, "description" character varying(512), "is_active" boolean NOT NULL DEFAULT true,
      "disabled_reason" character varying(512), "profile" character varying(64), "secret_current_enc" character varying(512) NOT NULL,
      "secret_previous_enc" character varying(512), "secret_previous_expires_at" bigint, "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL, CONSTRAINT "PK_webhook_subscription" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_subscription_tenant_active" ON "webhook_subscription" ("tenant", "is_active")`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_subscription_tenant" ON "webhook_subscription" ("tenant", "id")`);

    await queryRunner.query(`CREATE TABLE "webhook_message" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "type" character varying(128) NOT NULL,
      "payload" text NOT NULL, "channels" text, "idempotency_key" character varying(255), "created_at" bigint NOT NULL,
      CONSTRAINT "PK_webhook_message" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_message_tenant" ON "webhook_message" ("tenant", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_message_tenant_idempotency" ON "webhook_message" ("tenant", "idempotency_key")`);

    await queryRunner.query(`CREATE TABLE "webhook_delivery" (
      "id" character varying(40) NOT NULL, "message_id" character varying(40) NOT NULL, "subscription_id" character varying(40) NOT NULL,
      "tenant" character varying(128) NOT NULL, "event_type" character varying(128) NOT NULL, "status" character varying(16) NOT NULL,
      "attempt_count" integer NOT NULL DEFAULT '0', "series_started_at" bigint NOT NULL, "next_attempt_at" bigint, "locked_until" bigint,
      "last_status_code" integer, "last_error" character varying(1024), "delivered_at" bigint, "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL, CONSTRAINT "PK_webhook_delivery" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_message" ON "webhook_delivery" ("message_id")`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_tenant" ON "webhook_delivery" ("tenant", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_log" ON "webhook_delivery" ("tenant", "subscription_id", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`);

    await queryRunner.query(`CREATE TABLE "webhook_attempt" (
      "id" character varying(40) NOT NULL, "delivery_id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL,
      "started_at" bigint NOT NULL, "duration_ms" integer NOT NULL, "status_code" integer, "response_excerpt" text,
      "error" character varying(1024), CONSTRAINT "PK_webhook_attempt" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id", "started_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['webhook_attempt', 'webhook_delivery', 'webhook_message', 'webhook_subscription']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
