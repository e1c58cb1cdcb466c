import { DataSource, type DataSourceOptions } from 'typeorm';
import { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';

/** What a CLI adds to the connection: its entities and, for `hookline-migrate`, the migrations. */
export type CliDataSourceSetup = Pick<DataSourceOptions, 'entities' | 'migrations' | 'migrationsTableName'>;

/**
 * The host's database as a CLI reaches it: `DATABASE_URL` is a `postgres://`, `mysql://` or `mariadb://` URL
 * or a SQLite file path (`sqlite:` prefix optional); `DATABASE_SCHEMA` picks a PostgreSQL schema. The CLIs
 * never synchronize: the host's migrations, `hookline-migrate` (or synchronize in the app) own the schema.
 */
export function cliDataSource(env: NodeJS.ProcessEnv = process.env, setup: CliDataSourceSetup = { entities: [WebhookApiKeyEntity] }): DataSource {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error('Set DATABASE_URL to a postgres:// or mysql:// URL, or a SQLite file path.');
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = env.DATABASE_SCHEMA;
    return new DataSource({
      type: 'postgres',
      url,
      schema,
      ...setup,
      // Hookline's SQL uses unqualified table names, so the schema goes on the search path too.
      extra: schema ? { options: `-c search_path=${schema}` } : undefined,
    });
  }
  // mysql2 reaches both; TypeORM reads a MariaDB schema right only as `mariadb`.
  const mysql = /^(mysql|mariadb):\/\//.exec(url);
  if (mysql) return new DataSource({ type: mysql[1] as 'mysql' | 'mariadb', url: url.replace(/^mariadb:/, 'mysql:'), ...setup });
  return new DataSource({ type: 'better-sqlite3', database: url.replace(/^sqlite:(\/\/)?/, ''), ...setup });
}
