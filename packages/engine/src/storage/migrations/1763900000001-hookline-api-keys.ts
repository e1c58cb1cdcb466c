import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements, type StatementsByDatabase } from './migration-statements';

const UP: StatementsByDatabase = {
  postgres: [
    `CREATE TABLE "webhook_api_key" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "scope" character varying(8) NOT NULL,
      "name" character varying(128), "key_hash" character varying(64) NOT NULL, "key_prefix" character varying(16) NOT NULL,
      "revoked_at" bigint, "last_used_at" bigint, "created_at" bigint NOT NULL,
      CONSTRAINT "PK_webhook_api_key" PRIMARY KEY ("id"))`,
    `CREATE INDEX "idx_webhook_api_key_tenant" ON "webhook_api_key" ("tenant", "id")`,
    `CREATE UNIQUE INDEX "uq_webhook_api_key_hash" ON "webhook_api_key" ("key_hash")`,
  ],
  sqlite: [
    `CREATE TABLE "webhook_api_key" ("id" varchar(40) PRIMARY KEY NOT NULL, "tenant" varchar(128) NOT NULL, "scope" varchar(8) NOT NULL,
      "name" varchar(128), "key_hash" varchar(64) NOT NULL, "key_prefix" varchar(16) NOT NULL, "revoked_at" bigint, "last_used_at" bigint,
      "created_at" bigint NOT NULL)`,
    `CREATE INDEX "idx_webhook_api_key_tenant" ON "webhook_api_key" ("tenant", "id")`,
    `CREATE UNIQUE INDEX "uq_webhook_api_key_hash" ON "webhook_api_key" ("key_hash")`,
  ],
  mysql: [
    `CREATE TABLE webhook_api_key (id varchar(40) NOT NULL, tenant varchar(128) NOT NULL, scope varchar(8) NOT NULL,
      name varchar(128) NULL, key_hash varchar(64) NOT NULL, key_prefix varchar(16) NOT NULL, revoked_at bigint NULL, last_used_at bigint NULL,
      created_at bigint NOT NULL, INDEX idx_webhook_api_key_tenant (tenant, id), UNIQUE INDEX uq_webhook_api_key_hash (key_hash), PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ],
};

const DOWN: StatementsByDatabase = {
  postgres: [`DROP TABLE "webhook_api_key"`],
  sqlite: [`DROP TABLE "webhook_api_key"`],
  mysql: ['DROP TABLE webhook_api_key'],
};

/** The REST API's keys. Only hashes are stored. */
export class HooklineApiKeys1763900000001 implements MigrationInterface {
  name = 'HooklineApiKeys1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, DOWN);
  }
}
