import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './dedicated-redis';
import { cleanUpIfKilled } from './clean-up-if-killed';

/** The PostgreSQL server binaries of the newest version installed (Debian layout), or those on PATH. */
function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length > 0 ? join(root, versions[0], 'bin', name) : name;
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, its own port, trust
 * auth, loopback only), so a test can stop and restart it without touching the machine's server.
 * PostgreSQL refuses to run as root: as root, every command runs as the `postgres` OS user.
 */
export class DedicatedPostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'hookline-pg-'));
  private readonly dataDir = join(this.dir, 'data');
  private running = false;
  private releaseWatchdog?: () => void;
  port = 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Creates the cluster on first use, then starts it and waits until it accepts connections. */
  async start(): Promise<this> {
    if (!this.port) {
      this.port = await freePort();
      if (process.getuid?.() === 0) chownSync(this.dir, ...this.postgresIds());
      this.releaseWatchdog = cleanUpIfKilled(`${this.commandLine('pg_ctl')} stop -D '${this.dataDir}' -m immediate; rm -rf '${this.dir}'`);
      this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions', '-E', 'UTF8']);
    }
    const settings = [
      `-p ${this.port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${this.dir}'`,
      '-c fsync=off',
      '-c max_connections=100',
    ].join(' ');
    this.run('pg_ctl', ['start', '-D', this.dataDir, '-w', '-t', '30', '-l', join(this.dir, 'server.log'), '-o', settings]);
    this.running = true;
    await this.waitUntilAccepting();
    return this;
  }

  /** A fast shutdown: open transactions roll back, connected clients see their connection end. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.run('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '30']);
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.releaseWatchdog?.();
    rmSync(this.dir, { recursive: true, force: true });
    this.port = 0;
  }

  private run(command: string, args: string[]): void {
    const [file, ...prefix] = this.invocation(command);
    execFileSync(file, [...prefix, ...args], { stdio: ['ignore', 'ignore', 'pipe'], cwd: this.dir });
  }

  /** How to run a server binary: as the `postgres` OS user when we are root. */
  private invocation(command: string): string[] {
    const bin = postgresBin(command);
    return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin] : [bin];
  }

  private commandLine(command: string): string {
    return this.invocation(command).map((part) => `'${part}'`).join(' ');
  }

  private postgresIds(): [number, number] {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return [uid, gid];
  }

  private async waitUntilAccepting(): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const client = new Client({ connectionString: this.url });
      client.on('error', () => undefined);
      const ok = await client.connect().then(() => client.query('SELECT 1')).then(() => true, () => false);
      await client.end().catch(() => undefined);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`PostgreSQL on port ${this.port} did not accept connections`);
  }
}
