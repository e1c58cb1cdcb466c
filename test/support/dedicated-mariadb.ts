import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { cleanUpIfKilled } from './clean-up-if-killed';
import { freePort } from './dedicated-redis';
import { eventually } from './receiver';

/**
 * A MariaDB server of the test's own (mariadb-install-db in a temporary directory, its own port
 * and socket, loopback only, root without a password), so a test can stop and restart it without
 * touching the machine's server. `--user=root` lets it run as root, as the tests do.
 */
export class DedicatedMariadb {
  private readonly dir = mkdtempSync(join(tmpdir(), 'hookline-mariadb-'));
  private readonly dataDir = join(this.dir, 'data');
  private readonly pidFile = join(this.dir, 'server.pid');
  private process?: ChildProcess;
  private releaseWatchdog?: () => void;
  port = 0;

  /** The server's URL, without a database (see mysqlAdmin). */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  /** Creates the data directory on first use, then starts the server and waits until it accepts connections. */
  async start(): Promise<this> {
    if (!this.port) {
      this.port = await freePort();
      this.releaseWatchdog = cleanUpIfKilled(`kill -9 "$(cat '${this.pidFile}')"; rm -rf '${this.dir}'`);
      execFileSync(
        'mariadb-install-db',
        ['--no-defaults', `--datadir=${this.dataDir}`, '--auth-root-authentication-method=normal', '--user=root', '--skip-test-db'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    }
    // Durability is not what these tests are about: no binary log, no flush at each commit.
    this.process = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${this.dataDir}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'sock')}`,
        `--pid-file=${this.pidFile}`,
        `--log-error=${join(this.dir, 'server.log')}`,
        '--user=root',
        '--skip-log-bin',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=64M',
        '--innodb-flush-log-at-trx-commit=0',
        '--max-connections=200',
      ],
      { stdio: 'ignore' },
    );
    // The server must not keep the test process alive, nor outlive it (see cleanUpIfKilled).
    this.process.unref();
    await this.waitUntilAccepting();
    return this;
  }

  /** SIGTERM: MariaDB ends every connection, rolls back open transactions and shuts down (well under a second). */
  async stop(): Promise<void> {
    const proc = this.process;
    this.process = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.releaseWatchdog?.();
    this.releaseWatchdog = undefined;
    rmSync(this.dir, { recursive: true, force: true });
    this.port = 0;
  }

  private async waitUntilAccepting(): Promise<void> {
    const accepting = (): Promise<boolean> =>
      createConnection(this.url).then(
        (connection) => connection.end().then(() => true),
        () => false,
      );
    await eventually(accepting, 30_000, 100).catch(() => {
      throw new Error(`MariaDB on port ${this.port} did not accept connections (see ${join(this.dir, 'server.log')})`);
    });
  }
}
