import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOOKLINE_ENTITIES, HooklineMigrator } from '@hookline/nestjs';
import { sqliteInProcess, type TestDriver } from '../support/drivers';
import { createTestApp, type TestApp } from '../support/test-app';

/** The embedded driver on a SQLite file nobody synchronizes: Hookline's migrations own its tables. */
function unsynchronizedSqlite(file: string): TestDriver {
  return { ...sqliteInProcess(), name: 'sqlite file, no synchronize', database: () => ({ type: 'better-sqlite3', database: file, entities: HOOKLINE_ENTITIES }) };
}

describe('WebhooksModule migrations option', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-module-migrate-'));
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses to start with migrations: 'check' while the schema is behind", async () => {
    const driver = unsynchronizedSqlite(join(dir, 'check.sqlite'));
    await expect(createTestApp(driver, { migrations: 'check', worker: { enabled: false } })).rejects.toMatchObject({ code: 'HOOKLINE_SCHEMA_BEHIND' });
  });

  it("applies the migrations at start-up with migrations: 'auto' and serves from the tables they made", async () => {
    app = await createTestApp(unsynchronizedSqlite(join(dir, 'auto.sqlite')), { migrations: 'auto', worker: { enabled: false } });
    expect((await new HooklineMigrator(app.dataSource).status()).pending).toEqual([]);
    const created = await app.apiKeys.create({ tenant: 'acme', scope: 'read' });
    expect((await app.apiKeys.list('acme')).map((key) => key.id)).toEqual([created.id]);
  });
});
