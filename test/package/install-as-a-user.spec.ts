import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { MYSQL_TYPE, REDIS_URL } from '../support/drivers';
import { eventually, type TestReceiver } from '../support/receiver';
import { freshMysqlDatabase, freshPostgresDatabase } from './support/fresh-databases';
import { HOOKLINE_MIGRATIONS } from '@hookline/engine';
import { packageName, pinned } from './support/lock-versions';
import { packPackages, type PackedPackage } from './support/packed-packages';
import { readmeInstallLine, readmeText } from './support/readme-install-lines';
import { ScratchApp } from './support/scratch-app';
import { scratchHostSuite } from './support/scratch-host-suite';
import { escapingTypeReferences } from './support/type-references';

// Installs, compiles and boots real apps: minutes, not seconds, and run on its own after the other suites.
jest.setTimeout(10 * 60_000);

const root = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const encryptionKey = Buffer.alloc(32, 7).toString('base64');
/** Nest's shutdown hooks ran and re-raised SIGTERM (a hung shutdown would end by our SIGKILL instead). */
const STOPPED_CLEANLY = expect.objectContaining({ signal: 'SIGTERM' });

let packDir: string;
let packed: PackedPackage[];
const tarballs = () => packed.map((entry) => entry.tarball);

/** The README's line with `@hookline/nestjs` replaced by the tarballs and each package pinned to the lock file's version. */
function installSpecs(including: string, excluding: string[] = []): string[] {
  return readmeInstallLine(including, excluding).flatMap((spec) => (spec === '@hookline/nestjs' ? tarballs() : [pinned(packageName(spec))]));
}

/** Creates an API key with the shipped bin, exactly as the README tells a user to. */
async function createApiKey(app: ScratchApp, databaseUrl: string, tenant: string): Promise<string> {
  const output = await app.exec('npx', ['hookline-api-keys', 'create', '--tenant', tenant, '--scope', 'write'], { DATABASE_URL: databaseUrl });
  return (JSON.parse(output) as { key: string }).key;
}

/** The README's CI check and migration: status fails while behind, up applies, status passes. */
async function migrateWithTheBin(app: ScratchApp, env: Record<string, string>): Promise<void> {
  const before = await app.execToExit('npx', ['hookline-migrate', 'status'], env);
  expect(before).toEqual({ code: 1, stdout: expect.stringContaining(`${HOOKLINE_MIGRATIONS.length} pending: run \`hookline-migrate up\`.`) });
  expect((await app.execToExit('npx', ['hookline-migrate', 'up'], env)).code).toBe(0);
  const after = await app.execToExit('npx', ['hookline-migrate', 'status'], env);
  expect(after).toEqual({ code: 0, stdout: expect.stringContaining('The schema is current.') });
}

/** The README's path: a key from the CLI, a subscription over the REST API, a domain event, a verified delivery. */
async function subscribeEmitAndVerify(app: ScratchApp, hostUrl: string, databaseUrl: string, receiver: TestReceiver): Promise<void> {
  const key = await createApiKey(app, databaseUrl, 'my-shop');
  const created = await request(hostUrl)
    .post('/v1/webhook-subscriptions')
    .set('Authorization', `Bearer ${key}`)
    .send({ url: receiver.url('/hooks'), events: ['points.*'], description: 'scratch app' });
  expect(created.status).toBe(201);
  const secret = created.body.data.attributes.secret as string;
  expect(secret).toMatch(/^whsec_/);
  app.log.push(`POST /v1/webhook-subscriptions -> ${created.status} ${created.body.data.id}`);

  const emitted = await request(hostUrl).post('/shops/my-shop/points').send({ customer_id: 'cust_42', amount: 150 });
  expect(emitted.status).toBe(201);
  await receiver.waitFor(1, 60_000);

  const [delivery] = receiver.requests;
  const verified = new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: unknown };
  expect(verified).toMatchObject({ type: 'points.earned', data: { customer_id: 'cust_42', amount: 150 } });
  app.log.push(`receiver: ${delivery.headers['webhook-id']} ${delivery.body} (standardwebhooks verified it)`);

  await eventually(async () => {
    const log = await request(hostUrl).get('/v1/deliveries').set('Authorization', `Bearer ${key}`);
    return log.body.data?.length === 1 && log.body.data[0].attributes.status === 'delivered';
  });
}

/** The ES-module main's one published event arrived, and the secret it printed verifies it. */
async function expectVerifiedPublish(app: ScratchApp, output: string, receiver: TestReceiver): Promise<void> {
  await receiver.waitFor(1, 60_000);
  const secret = /secret (whsec_\S+)/.exec(output)![1];
  const [delivery] = receiver.requests;
  expect(new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>)).toMatchObject({ type: 'points.earned', data: { customer_id: 'cust_esm' } });
  app.log.push(`receiver: ${delivery.headers['webhook-id']} ${delivery.body} (standardwebhooks verified it)`);
}

beforeAll(() => {
  packDir = mkdtempSync(join(tmpdir(), 'hookline-pack-'));
  packed = packPackages(packDir);
});

afterAll(() => rmSync(packDir, { recursive: true, force: true }));

describe('the packed tarballs', () => {
  it.each(['@hookline/core', '@hookline/engine', '@hookline/nestjs'])('%s holds the compiled code, its types, a README and a LICENSE, and nothing of the monorepo', (name) => {
    const files = packed.find((entry) => entry.name === name)!.files;
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']));
    const unexpected = files.filter((file) => !/^(LICENSE|README\.md|package\.json|dist\/.+\.(js|d\.ts|html|css|svg))$/.test(file));
    expect(unexpected).toEqual([]);
    expect(files.filter((file) => /\.spec(-helper)?\.|fixtures?\//.test(file))).toEqual([]);
  });

  it('ships the dashboard files in the adapter and the CLI in the engine', () => {
    expect(packed.find((entry) => entry.name === '@hookline/nestjs')!.files).toEqual(expect.arrayContaining(['dist/dashboard/assets/index.html', 'dist/dashboard/assets/main.js']));
    expect(packed.find((entry) => entry.name === '@hookline/engine')!.files).toEqual(expect.arrayContaining(['dist/api-keys/cli.js', 'dist/migrate/cli.js']));
  });

  it('every README install line names only packages this repository pins', () => {
    expect(() => [installSpecs('better-sqlite3'), installSpecs('bullmq'), installSpecs('pg', ['bullmq']), installSpecs('mysql2')]).not.toThrow();
  });
});

describe('a fresh Nest app on the embedded default (SQLite + in-process queue), installed with the README line', () => {
  const app = new ScratchApp({
    name: 'embedded-host',
    type: 'commonjs',
    sources: { 'app.module.ts': example('nest-host/embedded.module.ts'), 'main.ts': fixture('cjs-host/main.ts'), 'testing-kit.ts': fixture('cjs-host/testing-kit.ts') },
  });
  const { receiver } = scratchHostSuite(app, () => installSpecs('better-sqlite3'));

  it('embeds the README module verbatim', () => {
    expect(readmeText()).toContain(example('nest-host/embedded.module.ts').trim());
  });

  it('starts, takes a key from the CLI, subscribes over the API and delivers an emitted event the standardwebhooks library verifies', async () => {
    const port = await freePort();
    await app.start({ PORT: String(port), HOOKLINE_ENCRYPTION_KEY: encryptionKey, NODE_ENV: 'development' }, /host listening/);
    await subscribeEmitAndVerify(app, `http://127.0.0.1:${port}`, join(app.dir, 'data', 'app.sqlite'), receiver);
    const dashboard = await request(`http://127.0.0.1:${port}`).get('/v1/dashboard');
    expect(dashboard.status).toBe(200);
    const script = /src="([^"]+\.js)"/.exec(dashboard.text)![1];
    expect((await request(`http://127.0.0.1:${port}`).get(new URL(script, `http://127.0.0.1:${port}/v1/dashboard/`).pathname)).status).toBe(200);
    expect(await app.stop()).toEqual(STOPPED_CLEANLY);
  });

  it('migrates a fresh SQLite file with the installed hookline-migrate bin: status exits 1, up, status exits 0', async () => {
    await migrateWithTheBin(app, { DATABASE_URL: join(app.dir, 'data', 'migrated.sqlite') });
  });

  it('allows no deep import past the exports map', async () => {
    await expect(app.exec('node', ['-e', "require('@hookline/nestjs/dist/index.js')"])).rejects.toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    expect(await app.exec('node', ['-e', "console.log(typeof require('@hookline/nestjs').WebhooksModule)"])).toBe('function\n');
  });

  it('runs the test kit from @hookline/nestjs/testing, compiled against its types: a failed attempt, a drained retry, a signed request', async () => {
    const output = await app.exec('node', ['dist/testing-kit.js'], { NODE_ENV: 'test' });
    expect(output).toMatch(/^kit ok: 500,200 dlv_\w+ X-GitHub-Delivery,X-Hub-Signature-256,content-type\n$/);
    expect(await app.exec('node', ['-e', "console.log(typeof require('@hookline/engine/testing').createTestHookline)"])).toBe('function\n');
  });

  it('keeps the test kit out of the main entry points', async () => {
    const loaded = "require('@hookline/nestjs'); console.log(Object.keys(require.cache).filter((file) => file.includes('/dist/testing/')).length)";
    expect(await app.exec('node', ['-e', loaded])).toBe('0\n');
  });

  it('ships declaration files whose imports all resolve inside the installed packages', () => {
    for (const name of ['@hookline/core', '@hookline/engine', '@hookline/nestjs']) {
      const packageDir = join(app.dir, 'node_modules', name);
      expect(escapingTypeReferences(packageDir)).toEqual([]);
    }
  });
});

describe('a fresh Nest app on PostgreSQL + BullMQ, installed with the README line', () => {
  const app = new ScratchApp({
    name: 'postgres-host',
    type: 'commonjs',
    sources: { 'app.module.ts': example('nest-host/postgres-bullmq.module.ts'), 'main.ts': fixture('cjs-host/main.ts'), 'data-source.ts': example('migrations/typeorm-data-source.ts') },
  });
  // The README module uses BullMQ's default key prefix, so this app gets a Redis database of its own, emptied afterwards.
  const redisUrl = `${REDIS_URL.replace(/\/\d*$/, '')}/3`;
  const host = scratchHostSuite(app, () => installSpecs('bullmq'), {
    database: freshPostgresDatabase,
    async cleanUp() {
      const redis = new Redis(redisUrl);
      await redis.flushdb();
      redis.disconnect();
    },
  });
  const { receiver } = host;

  it('embeds the README module verbatim', () => {
    expect(readmeText()).toContain(example('nest-host/postgres-bullmq.module.ts').trim());
  });

  it('migrates, takes a key from the CLI, subscribes over the API and delivers an emitted event through BullMQ', async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOOKLINE_ENCRYPTION_KEY: encryptionKey, DATABASE_URL: host.database.url, REDIS_URL: redisUrl, NODE_ENV: 'development' };
    await app.start(env, /host listening/);
    await subscribeEmitAndVerify(app, `http://127.0.0.1:${port}`, host.database.url, receiver);
    expect(await app.stop()).toEqual(STOPPED_CLEANLY);
  });

  it('migrates a fresh PostgreSQL database with the installed hookline-migrate bin: status exits 1, up, status exits 0', async () => {
    const fresh = await freshPostgresDatabase();
    try {
      await migrateWithTheBin(app, { DATABASE_URL: fresh.url });
    } finally {
      await fresh.drop();
    }
  });

  it("runs Hookline's migrations through the host's own typeorm migration:run (README data source), which hookline-migrate status then counts", async () => {
    expect(readmeText()).toContain(example('migrations/typeorm-data-source.ts').trim());
    const fresh = await freshPostgresDatabase();
    try {
      await app.exec('npx', ['typeorm', 'migration:run', '-d', 'dist/data-source.js'], { DATABASE_URL: fresh.url });
      expect(await app.execToExit('npx', ['hookline-migrate', 'status'], { DATABASE_URL: fresh.url })).toEqual({ code: 0, stdout: expect.stringContaining('The schema is current.') });
    } finally {
      await fresh.drop();
    }
  });
});

describe('an ES-module Nest host (type: module, nodenext) with the worker-only install line', () => {
  const app = new ScratchApp({ name: 'esm-host', type: 'module', sources: { 'app.module.ts': fixture('esm-host/app.module.ts'), 'main.ts': fixture('esm-host/main.ts') } });
  const host = scratchHostSuite(app, () => installSpecs('pg', ['bullmq']), { database: freshPostgresDatabase });
  const { receiver } = host;

  const env = () => ({ HOOKLINE_ENCRYPTION_KEY: encryptionKey, DATABASE_URL: host.database.url, RECEIVER_URL: receiver.url('/esm'), NODE_ENV: 'development' });

  it('refuses to start the REST API without its packages, naming the install line', async () => {
    const { code, output } = await app.runToExit({ ...env(), HOST_API: 'on' });
    expect(code).toBe(1);
    expect(output).toContain('HOOKLINE_MISSING_DEPENDENCY');
    expect(output).toContain('Run: npm install @nestjs/swagger @nestjs/throttler class-validator class-transformer');
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses the bridge without @nestjs/event-emitter, naming the install line', async () => {
    const { code, output } = await app.runToExit({ ...env(), HOST_BRIDGE: 'on' });
    expect(code).toBe(1);
    expect(output).toContain('HOOKLINE_MISSING_DEPENDENCY: The EventEmitter bridge (bridge) needs "@nestjs/event-emitter"');
    expect(output).toContain('Run: npm install @nestjs/event-emitter');
  });

  it('imports the package, boots and delivers a published event', async () => {
    const output = await app.start(env(), /published msg_\w+ to 1 subscription/);
    await expectVerifiedPublish(app, output, receiver);
    expect(await app.stop()).toEqual(STOPPED_CLEANLY);
  });
});

describe('an ES-module host on MySQL/MariaDB through mysql2, installed with the README line', () => {
  const app = new ScratchApp({ name: 'mysql-host', type: 'module', sources: { 'app.module.ts': fixture('mysql-host/app.module.ts'), 'main.ts': fixture('esm-host/main.ts') } });
  const host = scratchHostSuite(app, () => installSpecs('mysql2'), { database: freshMysqlDatabase });
  const { receiver } = host;

  it('finds the engine’s optional mysql2 peer in the app, boots and delivers a signed published event', async () => {
    const env = { HOOKLINE_ENCRYPTION_KEY: encryptionKey, DATABASE_URL: host.database.url, DATABASE_TYPE: MYSQL_TYPE, RECEIVER_URL: receiver.url('/mysql'), NODE_ENV: 'development' };
    const output = await app.start(env, /published msg_\w+ to 1 subscription/);
    await expectVerifiedPublish(app, output, receiver);
    expect(await app.stop()).toEqual(STOPPED_CLEANLY);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
