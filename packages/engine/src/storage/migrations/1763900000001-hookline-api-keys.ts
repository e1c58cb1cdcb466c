import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The REST API's keys (PostgreSQL). Only hashes are stored. */
export class HooklineApiKeys1763900000001 implements MigrationInterface {
  name = 'HooklineApiKeys1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_api_key" (
      "id" character varying(40) NOT NULL, "tenant" character varying(128) NOT NULL, "scope" character varying(8) NOT NULL,
      "name" character varying(128), "key_hash" character varying(64) NOT NULL, "key_prefix" character varying(16) NOT NULL,
      "revoked_at" bigint, "last_used_at" bigint, "created_at" bigint NOT NULL,
      CONSTRAINT "PK_webhook_api_key" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_api_key_tenant" ON "webhook_api_key" ("tenant", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_api_key_hash" ON "webhook_api_key" ("key_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_api_key"`);
  }
}
