import type { DataSource, QueryRunner } from 'typeorm';
import { migrationDatabaseOf, type MigrationDatabase } from '../storage/migrations/migration-statements';
import { shippedMigrations, type ShippedMigration } from './hookline-migration-list';
import { inMigrationLock } from './migration-lock';
import { appliedMigrationNames, CREATE_JOURNAL, journalInsert } from './migrations-journal';
import { recordingQueryRunner } from './recording-query-runner';

/** Where a database stands against the shipped migrations. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** status, up and sql over one initialized DataSource: the CLI's, or the host's for `migrations: 'auto' | 'check'`. */
export class HooklineMigrator {
  private readonly database: MigrationDatabase;

  constructor(private readonly dataSource: DataSource) {
    this.database = migrationDatabaseOf(dataSource.options.type);
  }

  async status(): Promise<MigrationStatus> {
    return this.withQueryRunner(async (queryRunner) => {
      const pending = (await this.pending(queryRunner)).map((m) => m.name);
      return { applied: shippedMigrations().map((m) => m.name).filter((name) => !pending.includes(name)), pending };
    });
  }

  /** Applies the pending migrations under the lock; returns the names it applied (none when another process had). */
  async up(): Promise<string[]> {
    return this.withQueryRunner((queryRunner) =>
      inMigrationLock(queryRunner, this.database, async () => {
        // Read under the lock: an instance that waited sees what the one before it applied.
        const pending = await this.pending(queryRunner);
        if (pending.length === 0) return [];
        for (const statement of CREATE_JOURNAL[this.database]) await queryRunner.query(statement);
        for (const migration of pending) {
          await migration.instance.up(queryRunner);
          await queryRunner.query(journalInsert(this.database, migration));
        }
        return pending.map((m) => m.name);
      }),
    );
  }

  /** The statements `up` would run now, journal rows included, for a host that runs them with its own tool. */
  async sql(): Promise<string[]> {
    const pending = await this.withQueryRunner((queryRunner) => this.pending(queryRunner));
    if (pending.length === 0) return [];
    const statements = [...CREATE_JOURNAL[this.database]];
    const recorder = recordingQueryRunner(this.dataSource, statements);
    for (const migration of pending) {
      await migration.instance.up(recorder);
      statements.push(journalInsert(this.database, migration));
    }
    return statements;
  }

  private async pending(queryRunner: QueryRunner): Promise<ShippedMigration[]> {
    const applied = await appliedMigrationNames(queryRunner, this.dataSource.options.migrationsTableName);
    return shippedMigrations().filter((m) => !applied.has(m.name));
  }

  private async withQueryRunner<T>(work: (queryRunner: QueryRunner) => Promise<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      return await work(queryRunner);
    } finally {
      await queryRunner.release();
    }
  }
}
