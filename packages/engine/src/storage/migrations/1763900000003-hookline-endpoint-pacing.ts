import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the circuit opened (probes back off from it) and the endpoint's concurrency limit last reported by a worker. */
export class HooklineEndpointPacing1763900000003 implements MigrationInterface {
  name = 'HooklineEndpointPacing1763900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_subscription" ADD "breaker_opened_at" bigint`);
    await queryRunner.query(`ALTER TABLE "webhook_subscription" ADD "concurrency_limit" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['concurrency_limit', 'breaker_opened_at']) {
      await queryRunner.query(`ALTER TABLE "webhook_subscription" DROP COLUMN "${column}"`);
    }
  }
}
