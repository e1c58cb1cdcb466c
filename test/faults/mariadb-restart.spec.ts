import { DedicatedMariadb } from '../support/dedicated-mariadb';
import { mysqlDatabase } from '../support/test-databases';
import { databaseRestartSuite } from './support/database-restart-suite';

// A MariaDB server of the suite's own: MySQL 8 is not installed here, and the scope and errors are the same driver's (mysql2).
describe('fault: MariaDB restarted mid-run', () => databaseRestartSuite(mysqlDatabase, new DedicatedMariadb(), 'mariadb-restart'));
