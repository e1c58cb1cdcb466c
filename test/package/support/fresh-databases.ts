import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createMysqlDatabase, MYSQL_URL, mysqlAdmin, POSTGRES_URL } from '../../support/drivers';

/** A database a scratch app gets to itself, dropped after it. */
export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

const freshName = (): string => `hookline_pkg_${process.pid}_${randomBytes(4).toString('hex')}`;

/** A PostgreSQL database of its own: the README's modules use the default schema, so a schema would not do. */
export async function freshPostgresDatabase(): Promise<FreshDatabase> {
  const name = freshName();
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A MySQL/MariaDB database of its own, created as Hookline needs it (utf8mb4, binary collation). */
export async function freshMysqlDatabase(): Promise<FreshDatabase> {
  const name = freshName();
  await createMysqlDatabase(name);
  return { url: `${MYSQL_URL}/${name}`, drop: () => mysqlAdmin(`DROP DATABASE IF EXISTS ${name}`) };
}
