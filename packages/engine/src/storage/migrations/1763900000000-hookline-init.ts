import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements, type StatementsByDatabase } from './migration-statements';

const TABLES = ['webhook_attempt', 'webhook_delivery', 'webhook_message', 'webhook_subscription'];

const UP: StatementsByDatabase = {
  postgres: [
    `CREATE TABLE "webhook_subscription" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "url" character varying(2048) NOT NULL,
      "events" text NOT NULL, "channels" text, "description" character varying(512), "is_active" boolean NOT NULL DEFAULT true,
      "disabled_reason" character varying(512), "profile" character varying(64), "secret_current_enc" character varying(512) NOT NULL,
      "secret_previous_enc" character varying(512), "secret_previous_expires_at" bigint, "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL, CONSTRAINT "PK_webhook_subscription" PRIMARY KEY ("id"))`,
    `CREATE INDEX "idx_webhook_subscription_tenant_active" ON "webhook_subscription" ("tenant", "is_active")`,
    `CREATE INDEX "idx_webhook_subscription_tenant" ON "webhook_subscription" ("tenant", "id")`,
    `CREATE TABLE "webhook_message" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "type" character varying(128) NOT NULL,
      "payload" text NOT NULL, "channels" text, "idempotency_key" character varying(255), "created_at" bigint NOT NULL,
      CONSTRAINT "PK_webhook_message" PRIMARY KEY ("id"))`,
    `CREATE INDEX "idx_webhook_message_tenant" ON "webhook_message" ("tenant", "id")`,
    `CREATE UNIQUE INDEX "uq_webhook_message_tenant_idempotency" ON "webhook_message" ("tenant", "idempotency_key")`,
    `CREATE TABLE "webhook_delivery" (
      "id" character varying(40) NOT NULL, "message_id" character varying(40) NOT NULL, "subscription_id" character varying(40) NOT NULL,
      "tenant" character varying(128) NOT NULL, "event_type" character varying(128) NOT NULL, "status" character varying(16) NOT NULL,
      "attempt_count" integer NOT NULL DEFAULT '0', "series_started_at" bigint NOT NULL, "next_attempt_at" bigint, "locked_until" bigint,
      "last_status_code" integer, "last_error" character varying(1024), "delivered_at" bigint, "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL, CONSTRAINT "PK_webhook_delivery" PRIMARY KEY ("id"))`,
    `CREATE INDEX "idx_webhook_delivery_message" ON "webhook_delivery" ("message_id")`,
    `CREATE INDEX "idx_webhook_delivery_tenant" ON "webhook_delivery" ("tenant", "id")`,
    `CREATE INDEX "idx_webhook_delivery_log" ON "webhook_delivery" ("tenant", "subscription_id", "id")`,
    `CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`,
    `CREATE TABLE "webhook_attempt" (
      "id" character varying(40) NOT NULL, "delivery_id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL,
      "started_at" bigint NOT NULL, "duration_ms" integer NOT NULL, "status_code" integer, "response_excerpt" text,
      "error" character varying(1024), CONSTRAINT "PK_webhook_attempt" PRIMARY KEY ("id"))`,
    `CREATE INDEX "idx_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id", "started_at")`,
  ],
  sqlite: [
    `CREATE TABLE "webhook_subscription" ("id" varchar(40) PRIMARY KEY NOT NULL, "tenant" varchar(128) NOT NULL, "url" varchar(2048) NOT NULL,
      "events" text NOT NULL, "channels" text, "description" varchar(512), "is_active" boolean NOT NULL DEFAULT (1),
      "disabled_reason" varchar(512), "profile" varchar(64), "secret_current_enc" varchar(512) NOT NULL, "secret_previous_enc" varchar(512),
      "secret_previous_expires_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
    `CREATE INDEX "idx_webhook_subscription_tenant_active" ON "webhook_subscription" ("tenant", "is_active")`,
    `CREATE INDEX "idx_webhook_subscription_tenant" ON "webhook_subscription" ("tenant", "id")`,
    `CREATE TABLE "webhook_message" ("id" varchar(40) PRIMARY KEY NOT NULL, "tenant" varchar(128) NOT NULL, "type" varchar(128) NOT NULL,
      "payload" text NOT NULL, "channels" text, "idempotency_key" varchar(255), "created_at" bigint NOT NULL)`,
    `CREATE INDEX "idx_webhook_message_tenant" ON "webhook_message" ("tenant", "id")`,
    `CREATE UNIQUE INDEX "uq_webhook_message_tenant_idempotency" ON "webhook_message" ("tenant", "idempotency_key")`,
    `CREATE TABLE "webhook_delivery" ("id" varchar(40) PRIMARY KEY NOT NULL, "message_id" varchar(40) NOT NULL, "subscription_id" varchar(40) NOT NULL,
      "tenant" varchar(128) NOT NULL, "event_type" varchar(128) NOT NULL, "status" varchar(16) NOT NULL, "attempt_count" integer NOT NULL DEFAULT (0),
      "series_started_at" bigint NOT NULL, "next_attempt_at" bigint, "locked_until" bigint, "last_status_code" integer, "last_error" varchar(1024),
      "delivered_at" bigint, "created_at" bigint NOT NULL, "updated_at" bigint NOT NULL)`,
    `CREATE INDEX "idx_webhook_delivery_message" ON "webhook_delivery" ("message_id")`,
    `CREATE INDEX "idx_webhook_delivery_tenant" ON "webhook_delivery" ("tenant", "id")`,
    `CREATE INDEX "idx_webhook_delivery_log" ON "webhook_delivery" ("tenant", "subscription_id", "id")`,
    `CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`,
    `CREATE TABLE "webhook_attempt" ("id" varchar(40) PRIMARY KEY NOT NULL, "delivery_id" varchar(40) NOT NULL, "tenant" varchar(128) NOT NULL,
      "started_at" bigint NOT NULL, "duration_ms" integer NOT NULL, "status_code" integer, "response_excerpt" text, "error" varchar(1024))`,
    `CREATE INDEX "idx_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id", "started_at")`,
  ],
  // MySQL declares indexes inside CREATE TABLE; the partial "due" index becomes a plain one (MySQL has none).
  // Each table is case-sensitive utf8mb4 whatever the database's default: tenant "Acme" is not "acme".
  mysql: [
    `CREATE TABLE webhook_subscription (id varchar(40) NOT NULL, tenant varchar(128) NOT NULL, url varchar(2048) NOT NULL,
      events text NOT NULL, channels text NULL, description varchar(512) NULL, is_active tinyint NOT NULL DEFAULT 1,
      disabled_reason varchar(512) NULL, profile varchar(64) NULL, secret_current_enc varchar(512) NOT NULL, secret_previous_enc varchar(512) NULL,
      secret_previous_expires_at bigint NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
      INDEX idx_webhook_subscription_tenant_active (tenant, is_active), INDEX idx_webhook_subscription_tenant (tenant, id), PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    `CREATE TABLE webhook_message (id varchar(40) NOT NULL, tenant varchar(128) NOT NULL, type varchar(128) NOT NULL,
      payload longtext NOT NULL, channels text NULL, idempotency_key varchar(255) NULL, created_at bigint NOT NULL,
      INDEX idx_webhook_message_tenant (tenant, id), UNIQUE INDEX uq_webhook_message_tenant_idempotency (tenant, idempotency_key), PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    `CREATE TABLE webhook_delivery (id varchar(40) NOT NULL, message_id varchar(40) NOT NULL, subscription_id varchar(40) NOT NULL,
      tenant varchar(128) NOT NULL, event_type varchar(128) NOT NULL, status varchar(16) NOT NULL, attempt_count int NOT NULL DEFAULT '0',
      series_started_at bigint NOT NULL, next_attempt_at bigint NULL, locked_until bigint NULL, last_status_code int NULL, last_error varchar(1024) NULL,
      delivered_at bigint NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
      INDEX idx_webhook_delivery_message (message_id), INDEX idx_webhook_delivery_tenant (tenant, id),
      INDEX idx_webhook_delivery_log (tenant, subscription_id, id), INDEX idx_webhook_delivery_due (next_attempt_at), PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    `CREATE TABLE webhook_attempt (id varchar(40) NOT NULL, delivery_id varchar(40) NOT NULL, tenant varchar(128) NOT NULL,
      started_at bigint NOT NULL, duration_ms int NOT NULL, status_code int NULL, response_excerpt text NULL, error varchar(1024) NULL,
      INDEX idx_webhook_attempt_delivery (delivery_id, started_at), PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ],
};

const DOWN: StatementsByDatabase = {
  postgres: TABLES.map((table) => `DROP TABLE "${table}"`),
  sqlite: TABLES.map((table) => `DROP TABLE "${table}"`),
  mysql: TABLES.map((table) => `DROP TABLE ${table}`),
};

/**
 * Hookline's first tables, on PostgreSQL, MySQL/MariaDB or SQLite. Run by `hookline-migrate up`, by
 * `migrations: 'auto'`, or by the host's `typeorm migration:run` with HOOKLINE_MIGRATIONS among its migrations.
 */
export class HooklineInit1763900000000 implements MigrationInterface {
  name = 'HooklineInit1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, UP, { createSchema: true });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, DOWN);
  }
}
