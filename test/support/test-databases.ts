import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import * as hookline from '@hookline/nestjs';
import { createMysqlDatabase, MYSQL_TYPE, MYSQL_URL, mysqlAdmin, mysqlConnection, POSTGRES_URL, postgresAdmin, postgresConnection } from './drivers';

/**
 * How to reach a suite's scope, as JSON (a worker process receives it): the DataSource options
 * but the entities, and the name of the entity set Hookline exports for that database.
 */
export interface ScopeConnection {
  dataSource: Record<string, unknown> & { type: string };
  entities: 'HOOKLINE_ENTITIES' | 'HOOKLINE_MYSQL_ENTITIES';
}

/** A suite's own PostgreSQL schema or MySQL/MariaDB database, with Hookline's tables. */
export interface DatabaseScope {
  connection: ScopeConnection;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A database a real-service suite runs on; `serverUrl` is a dedicated server's, the machine's by default. */
export interface TestDatabase {
  name: string;
  createScope(serverUrl?: string): Promise<DatabaseScope>;
}

/** The DataSource options of `connection`, its entities included, as a suite or a worker process opens it. */
export function scopeDataSourceOptions(connection: ScopeConnection): DataSourceOptions {
  return { ...connection.dataSource, entities: hookline[connection.entities] } as DataSourceOptions;
}

async function openScope(connection: ScopeConnection, dropScope: () => Promise<void>): Promise<DatabaseScope> {
  const dataSource = await new DataSource({ ...scopeDataSourceOptions(connection), synchronize: true }).initialize();
  return {
    connection,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropScope();
    },
  };
}

const scopeName = (): string => `hl_fault_${randomBytes(4).toString('hex')}`;

export const postgresDatabase: TestDatabase = {
  name: 'PostgreSQL',
  async createScope(serverUrl = POSTGRES_URL) {
    const schema = scopeName();
    await postgresAdmin(`CREATE SCHEMA ${schema}`, serverUrl);
    return openScope({ dataSource: postgresConnection(serverUrl, schema), entities: 'HOOKLINE_ENTITIES' }, () =>
      postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`, serverUrl),
    );
  },
};

export const mysqlDatabase: TestDatabase = {
  name: MYSQL_TYPE === 'mariadb' ? 'MariaDB' : 'MySQL',
  async createScope(serverUrl = MYSQL_URL) {
    const database = scopeName();
    await createMysqlDatabase(database, serverUrl);
    return openScope({ dataSource: mysqlConnection(serverUrl, database), entities: 'HOOKLINE_MYSQL_ENTITIES' }, () =>
      mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`, serverUrl),
    );
  },
};

/** The databases the fault and reliability suites run on, for describe.each. */
export const FAULT_DATABASES = [postgresDatabase, mysqlDatabase];
