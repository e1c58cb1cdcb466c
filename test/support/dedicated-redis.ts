import { createServer } from 'node:net';
import Redis from 'ioredis';
import { ServerProcess } from './server-process';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A redis-server of the test's own, on its own port and directory, so a test can flush, stop and
 * restart it without touching the machine's Redis or other suites. With `appendOnly`, every write
 * is fsynced to an AOF in its directory, so a restart keeps the queue's data.
 */
export class DedicatedRedis {
  // SIGKILL: what was not written to the AOF is lost, as in a crash.
  private readonly server = new ServerProcess('hookline-redis-', 'SIGKILL');
  port = 0;

  constructor(private readonly options: { appendOnly?: boolean } = {}) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    if (!this.port) this.port = await freePort();
    const persistence = this.options.appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    this.server.spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', this.server.dir]);
    await this.waitUntil(true);
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  async flushAll(): Promise<void> {
    const client = new Redis(this.url, { lazyConnect: true });
    await client.connect();
    await client.flushall();
    await client.quit();
  }

  async dispose(): Promise<void> {
    await this.server.dispose();
    this.port = 0;
  }

  private async waitUntil(up: boolean): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const client = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      client.on('error', () => undefined);
      const ok = await client.connect().then(() => client.ping()).then(() => true, () => false);
      client.disconnect();
      if (ok === up) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server on port ${this.port} did not come ${up ? 'up' : 'down'}`);
  }
}
