import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WebhookPublisher, WebhooksModule, WebhookSubscriptions, WebhookDeliveries } from '@hookline/nestjs';
import { sqliteInProcess } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { createTestApp, TEST_ENCRYPTION_KEY } from '../support/test-app';

const points = { customer_id: 'cust_1', amount: 5 };

describe('WebhooksModule lifecycle and configuration', () => {
  const receiver = new TestReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respond = () => ({ status: 200 });
  });

  it('is configured through forRootAsync with an injected factory', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot(sqliteInProcess().database()),
        WebhooksModule.forRootAsync({
          useFactory: async () => ({
            encryptionKey: TEST_ENCRYPTION_KEY,
            delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] },
          }),
        }),
      ],
    }).compile();
    const app = await moduleRef.createNestApplication({ logger: false }).init();
    const sub = await app.get(WebhookSubscriptions).create({ tenant: 't', url: receiver.url(), events: ['*'] });
    await app.get(WebhookPublisher).publish('points.earned', points, { tenant: 't' });
    await receiver.waitFor(1);
    expect(receiver.requests[0].headers['webhook-signature']).toMatch(/^v1,/);
    expect(sub.secret).toMatch(/^whsec_/);
    await app.close();
  });

  it('refuses to start with options that cannot work, naming the option', async () => {
    const start = (options: object) =>
      Test.createTestingModule({
        imports: [TypeOrmModule.forRoot(sqliteInProcess().database()), WebhooksModule.forRoot(options as never)],
      })
        .compile()
        .then((m) => m.createNestApplication({ logger: false }).init());
    await expect(start({ encryptionKey: 'too-short' })).rejects.toThrow(/32 random bytes/);
    await expect(start({ encryptionKey: TEST_ENCRYPTION_KEY, worker: { concurrency: 0 } })).rejects.toThrow(/worker\/concurrency/);
    await expect(start({ encryptionKey: TEST_ENCRYPTION_KEY, queue: { driver: 'kafka' } })).rejects.toThrow(/Unknown queue driver/);
    await expect(start({ encryptionKey: TEST_ENCRYPTION_KEY, profile: 'nope' })).rejects.toThrow(/Unknown profile/);
    await expect(start({ encryptionKey: TEST_ENCRYPTION_KEY, delivery: { timeoutMs: 60_000 } })).rejects.toThrow(/timeoutMs/);
  });

  it('requires an encryption key outside development and test', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const compiling = Test.createTestingModule({
        imports: [TypeOrmModule.forRoot(sqliteInProcess().database()), WebhooksModule.forRoot({})],
      }).compile();
      await expect(compiling).rejects.toThrow(/encryptionKey/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('lets an attempt in flight finish and record its outcome when the app shuts down', async () => {
    const t = await createTestApp(sqliteInProcess());
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { status: 200 };
    };
    await t.subscriptions.create({ tenant: 'shut', url: receiver.url(), events: ['*'] });
    await t.publisher.publish('points.earned', points, { tenant: 'shut' });
    await receiver.waitFor(1);
    const dataSource = t.dataSource;
    const deliveries = t.app.get(WebhookDeliveries);
    const [pending] = (await deliveries.list({ tenant: 'shut' })).data;
    // Keep the DataSource open past app.close() so the recorded state can be read afterwards.
    const rows = () => dataSource.query(`SELECT status FROM webhook_delivery WHERE id = '${pending.id}'`);
    let statusAfterClose: string | undefined;
    const originalDestroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      statusAfterClose = (await rows())[0].status;
      return originalDestroy();
    };
    await t.close();
    expect(statusAfterClose).toBe('delivered');
  });

  it('stores secrets encrypted: the plaintext is in no column of the row', async () => {
    const t = await createTestApp(sqliteInProcess());
    const sub = await t.subscriptions.create({ tenant: 'enc', url: receiver.url(), events: ['*'] });
    const rotated = await t.subscriptions.rotateSecret(sub.id, { graceSeconds: 60 });
    const [row] = await t.app.get(DataSource).query(`SELECT * FROM webhook_subscription WHERE id = '${sub.id}'`);
    const stored = JSON.stringify(row);
    for (const secret of [sub.secret, rotated.secret]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.replace(/^whsec_/, ''));
    }
    expect(row.secret_current_enc).toMatch(/^v1:/);
    expect(row.secret_previous_enc).toMatch(/^v1:/);
    expect(JSON.stringify(await t.subscriptions.get(sub.id))).not.toContain('secret');
    await t.close();
  });

  it('updates, lists page by page, disables, re-enables (resuming parked deliveries) and deletes subscriptions', async () => {
    const t = await createTestApp(sqliteInProcess());
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await t.subscriptions.create({ tenant: 'crud', url: receiver.url(`/s${i}`), events: ['points.*'] })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.subscriptions.list({ tenant: 'crud', limit: 3, cursor });
      seen.push(...page.data.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);

    const [first, ...rest] = ids;
    for (const id of rest) await t.subscriptions.remove(id, { tenant: 'crud' });
    await expect(t.subscriptions.update(first, { events: ['nope.*'] })).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_SUBSCRIPTION', pointer: '/events/0' });
    await expect(t.subscriptions.update(first, { url: 'https://10.0.0.1/hook' })).rejects.toMatchObject({ pointer: '/url' });
    await t.subscriptions.update(first, { isActive: false, description: 'paused' });

    // A delivery created while active, then parked because the subscription was disabled before its attempt.
    await t.subscriptions.update(first, { isActive: true });
    receiver.respond = () => ({ status: 200 });
    await t.runtime.queue.stopWorker(1_000);
    await t.publisher.publish('points.earned', points, { tenant: 'crud' });
    await t.subscriptions.update(first, { isActive: false });
    await t.runtime.processor.process((await t.deliveries.list({ tenant: 'crud' })).data.map((d) => d.id));
    const [parked] = (await t.deliveries.list({ tenant: 'crud' })).data;
    expect(parked).toMatchObject({ status: 'pending', nextAttemptAt: null, lastError: 'The subscription is disabled.' });
    expect(receiver.requests).toHaveLength(0);

    await t.subscriptions.update(first, { isActive: true });
    await t.runtime.processor.process([parked.id]);
    await eventually(async () => (await t.deliveries.get(parked.id)).status === 'delivered');
    expect(receiver.requests.map((r) => r.path)).toEqual(['/s0']);
    await t.close();
  });
});
