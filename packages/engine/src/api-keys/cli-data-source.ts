import { DataSource, type DataSourceOptions } from 'typeorm';
import { placeEntities, type EntityClass } from '../storage/placement/placed-entities';
import { checkPlacement, type TablePlacement } from '../options/table-placement';
import { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';

/** What a CLI adds to the connection: its entities and, for `hookline-migrate`, the migrations. */
export type CliDataSourceSetup = Pick<DataSourceOptions, 'migrations' | 'migrationsTableName'> & { entities: EntityClass[] };

/**
 * The host's database as a CLI reaches it: `DATABASE_URL` is a `postgres://`, `mysql://` or `mariadb://` URL
 * or a SQLite file path (`sqlite:` prefix optional). Where Hookline's tables are, as the app's `database`
 * option says: `DATABASE_SCHEMA` (PostgreSQL), `DATABASE_TABLE_PREFIX` (MySQL/MariaDB); `DATABASE_MIGRATIONS_TABLE`
 * names the host's own TypeORM journal when it is not `migrations`. The CLIs never
 * synchronize: the host's migrations, `hookline-migrate` (or synchronize in the app) own the schema.
 */
export function cliDataSource(env: NodeJS.ProcessEnv = process.env, setup: CliDataSourceSetup = { entities: [WebhookApiKeyEntity] }): DataSource {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error('Set DATABASE_URL to a postgres:// or mysql:// URL, or a SQLite file path.');
  }
  const migrationsTableName = setup.migrationsTableName ?? (env.DATABASE_MIGRATIONS_TABLE || undefined);
  setup = { ...setup, ...(migrationsTableName && { migrationsTableName }) };
  const placement: TablePlacement = { schema: env.DATABASE_SCHEMA || undefined, tablePrefix: env.DATABASE_TABLE_PREFIX || undefined };
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { schema } = checkPlacement(placement, 'postgres');
    // The DataSource's schema places Hookline's entities (and a host's own TypeORM journal) there; the
    // search path lets a host's own unqualified migrations find their tables too.
    return new DataSource({ type: 'postgres', url, schema, ...setup, extra: schema ? { options: `-c search_path=${schema}` } : undefined });
  }
  // mysql2 reaches both; TypeORM reads a MariaDB schema right only as `mariadb`.
  const mysql = /^(mysql|mariadb):\/\//.exec(url);
  if (mysql) {
    const entities = placeEntities(setup.entities, checkPlacement(placement, 'mysql'));
    return new DataSource({ type: mysql[1] as 'mysql' | 'mariadb', url: url.replace(/^mariadb:/, 'mysql:'), ...setup, entities });
  }
  checkPlacement(placement, 'sqlite');
  return new DataSource({ type: 'better-sqlite3', database: url.replace(/^sqlite:(\/\/)?/, ''), ...setup });
}
