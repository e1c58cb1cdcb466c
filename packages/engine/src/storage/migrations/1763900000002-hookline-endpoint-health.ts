import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-subscription failure streak and circuit breaker state. */
export class HooklineEndpointHealth1763900000002 implements MigrationInterface {
  name = 'HooklineEndpointHealth1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_subscription" ADD "failure_streak" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "webhook_subscription" ADD "failing_since" bigint`);
    await queryRunner.query(`ALTER TABLE "webhook_subscription" ADD "breaker_open_until" bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['breaker_open_until', 'failing_since', 'failure_streak']) {
      await queryRunner.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "${column}"`);
    }
  }
}
