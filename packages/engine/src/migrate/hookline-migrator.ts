import type { DataSource, QueryRunner } from 'typeorm';
import { migrationDatabaseOf, schemaStatements, type MigrationDatabase } from '../storage/migrations/migration-statements';
import { placementOf } from '../storage/placement/tables-of';
import type { TablePlacement } from '../options/table-placement';
import { shippedMigrations, type ShippedMigration } from './hookline-migration-list';
import { inMigrationLock } from './migration-lock';
import { appliedMigrationNames, createJournal, journalInsert } from './migrations-journal';
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

  /** Where the DataSource's entities put Hookline's tables, and with them the journal. */
  private get placement(): TablePlacement {
    return placementOf(this.dataSource);
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
        for (const statement of this.journalStatements(queryRunner)) await queryRunner.query(statement);
        for (const migration of pending) {
          await migration.instance.up(queryRunner);
          await queryRunner.query(journalInsert(this.database, this.placement, migration));
        }
        return pending.map((m) => m.name);
      }),
    );
  }

  /** The statements `up` would run now, journal rows included, for a host that runs them with its own tool. */
  async sql(): Promise<string[]> {
    const statements: string[] = [];
    const recorder = recordingQueryRunner(this.dataSource, statements);
    const pending = await this.withQueryRunner((queryRunner) => this.pending(queryRunner));
    if (pending.length === 0) return [];
    statements.push(...this.journalStatements(recorder));
    for (const migration of pending) {
      await migration.instance.up(recorder);
      statements.push(journalInsert(this.database, this.placement, migration));
    }
    return statements;
  }

  /** The journal's table (and the PostgreSQL schema it sits in) if missing. */
  private journalStatements(queryRunner: QueryRunner): string[] {
    return [...schemaStatements(queryRunner), createJournal(this.database, this.placement)];
  }

  private async pending(queryRunner: QueryRunner): Promise<ShippedMigration[]> {
    const applied = await appliedMigrationNames(queryRunner, this.dataSource.options.migrationsTableName, this.placement);
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
