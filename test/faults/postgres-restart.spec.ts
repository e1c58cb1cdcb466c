import { DedicatedPostgres } from '../support/dedicated-postgres';
import { postgresDatabase } from '../support/test-databases';
import { databaseRestartSuite } from './support/database-restart-suite';

describe('fault: PostgreSQL restarted mid-run', () => databaseRestartSuite(postgresDatabase, new DedicatedPostgres(), 'postgres-restart'));
