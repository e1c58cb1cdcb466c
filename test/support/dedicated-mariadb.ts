import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort } from './dedicated-redis';
import { eventually } from './receiver';
import { ServerProcess } from './server-process';

/**
 * A MariaDB server of the test's own (mariadb-install-db in a temporary directory, its own port
 * and socket, loopback only, root without a password), so a test can stop and restart it without
 * touching the machine's server. `--user=root` lets it run as root, as the tests do.
 */
export class DedicatedMariadb {
  // SIGTERM: MariaDB ends every connection, rolls back open transactions and shuts down, well under a second.
  private readonly server = new ServerProcess('hookline-mariadb-', 'SIGTERM');
  private readonly dataDir = join(this.server.dir, 'data');
  port = 0;

  /** The server's URL, without a database (see mysqlAdmin). */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  /** Creates the data directory on first use, then starts the server and waits until it accepts connections. */
  async start(): Promise<this> {
    if (!this.port) {
      this.port = await freePort();
      mkdirSync(this.server.dir, { recursive: true });
      const install = ['--no-defaults', `--datadir=${this.dataDir}`, '--auth-root-authentication-method=normal', '--user=root', '--skip-test-db'];
      execFileSync('mariadb-install-db', install, { stdio: ['ignore', 'ignore', 'pipe'] });
    }
    // Durability is not what these tests are about: no binary log, no flush at each commit.
    this.server.spawn('mariadbd', [
      '--no-defaults',
      `--datadir=${this.dataDir}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(this.server.dir, 'sock')}`,
      `--pid-file=${join(this.server.dir, 'mariadbd.pid')}`,
      `--log-error=${join(this.server.dir, 'server.log')}`,
      '--user=root',
      '--skip-log-bin',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--innodb-flush-log-at-trx-commit=0',
      '--max-connections=200',
    ]);
    await this.waitUntilAccepting();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  async dispose(): Promise<void> {
    await this.server.dispose();
    this.port = 0;
  }

  private async waitUntilAccepting(): Promise<void> {
    const accepting = (): Promise<boolean> =>
      createConnection(this.url).then(
        (connection) => connection.end().then(() => true),
        () => false,
      );
    await eventually(async () => !this.server.running || (await accepting()), 30_000, 100);
    if (!this.server.running) throw new Error(`MariaDB on port ${this.port} exited at start-up (see ${join(this.server.dir, 'server.log')})`);
  }
}
