import { randomUUID } from 'node:crypto';
import { Controller, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { generateSecret } from '@hookline/core';
import { VerifyWebhook, WebhookEvent, WebhookInbox, WebhookInboxEntity, WebhookReceiverModule, type ReceivedWebhook } from '@hookline/nestjs';
import { DataSource } from 'typeorm';
import { ALL_DRIVERS } from '../support/drivers';

const SECRET = generateSecret({ scheme: 'standard' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the handler did, for the assertions: each run, and whether to fail the next one. */
const handled = { runs: [] as string[], failNext: false };

@Controller('hooks')
class PaymentsController {
  @Post('payments')
  @HttpCode(200)
  @VerifyWebhook('payments', { once: true })
  async paymentSucceeded(@WebhookEvent() webhook: ReceivedWebhook) {
    handled.runs.push(webhook.id!);
    const { data } = webhook.event as { data: { amount: number } };
    // Written with the inbox's transaction: the credit and the recorded id commit together.
    await webhook.manager!.query(`INSERT INTO host_ledger (entry_id, amount) VALUES ('${webhook.id}-${handled.runs.length}', ${data.amount})`);
    await pause(50);
    if (handled.failNext) {
      handled.failNext = false;
      throw new Error('the payment handler failed');
    }
    return { credited: data.amount };
  }
}

function signed(id: string, amount = 1250): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ type: 'payment.succeeded', data: { amount } });
  const now = new Date();
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new StandardWebhook(SECRET).sign(id, now, body),
    },
  };
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('@VerifyWebhook(sender, { once: true }) on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    await driver.setUp();
    @Module({
      imports: [
        TypeOrmModule.forRoot({ ...driver.database(), entities: [WebhookInboxEntity] } as never),
        WebhookReceiverModule.forRoot({ senders: { payments: { scheme: 'standard', secrets: [SECRET] } }, inbox: true }),
      ],
      controllers: [PaymentsController],
    })
    class HostModule {}
    app = await NestFactory.create(HostModule, { rawBody: true, logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/hooks/payments`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    await dataSource.query('CREATE TABLE host_ledger (entry_id varchar(64) NOT NULL PRIMARY KEY, amount integer NOT NULL)');
  });

  afterAll(async () => {
    await app?.close();
    await driver.tearDown();
  });

  beforeEach(() => {
    handled.runs = [];
    handled.failNext = false;
  });

  const send = (request: { body: string; headers: Record<string, string> }) => fetch(url, { method: 'POST', ...request });
  const ledger = async (id: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM host_ledger WHERE entry_id LIKE '${id}-%'`))[0].n);

  it('runs the handler for the first delivery and answers a redelivery 200 without running it', async () => {
    const id = `msg_${randomUUID()}`;
    const first = await send(signed(id));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ credited: 1250 });
    const again = await send(signed(id));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    expect(handled.runs).toEqual([id]);
    expect(await ledger(id)).toBe(1);
  });

  it('runs the handler once when copies arrive at the same moment', async () => {
    const id = `msg_${randomUUID()}`;
    const copies = 10;
    const answers = await Promise.all(Array.from({ length: copies }, () => send(signed(id)).then(async (r) => ({ status: r.status, body: (await r.json()) as { credited?: number; duplicate?: boolean } }))));
    console.log(`inbox concurrency on ${driver.name}: ${copies} copies sent at once, handler ran ${handled.runs.length} time(s), answers ${JSON.stringify(answers.map((a) => a.status))}`);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => 'credited' in a.body)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(copies - 1);
    expect(handled.runs).toEqual([id]);
    expect(await ledger(id)).toBe(1);
  });

  it('answers 500 when the handler throws, keeping neither its write nor the id, so the retry is handled', async () => {
    const id = `msg_${randomUUID()}`;
    handled.failNext = true;
    expect((await send(signed(id))).status).toBe(500);
    expect(await ledger(id)).toBe(0);
    const retry = await send(signed(id));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ credited: 1250 });
    expect(handled.runs).toEqual([id, id]);
    expect(await ledger(id)).toBe(1);
  });

  it('refuses a bad signature with 401 before the inbox sees it', async () => {
    const id = `msg_${randomUUID()}`;
    const forged = signed(id);
    forged.headers['webhook-signature'] = new StandardWebhook(generateSecret({ scheme: 'standard' })).sign(id, new Date(), forged.body);
    expect((await send(forged)).status).toBe(401);
    expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM webhook_inbox WHERE event_id = '${id}'`))[0].n)).toBe(0);
    // The genuine delivery after it is still handled.
    expect((await send(signed(id))).status).toBe(200);
    expect(handled.runs).toEqual([id]);
  });
});

describe('once: true without an inbox', () => {
  it('stops start-up naming the route and the option', async () => {
    @Module({
      imports: [WebhookReceiverModule.forRoot({ senders: { payments: { scheme: 'standard', secrets: [SECRET] } } })],
      controllers: [PaymentsController],
    })
    class NoInboxModule {}
    const app = await NestFactory.create(NoInboxModule, { rawBody: true, logger: false });
    await expect(app.init()).rejects.toThrow(/PaymentsController\.paymentSucceeded has @VerifyWebhook\('payments', \{ once: true \}\), but WebhookReceiverModule has no inbox: pass `inbox: true`/);
    await app.close().catch(() => undefined);
  });
});

describe('inbox: { dataSource, retention } on a named DataSource', () => {
  it('keeps ids on that DataSource for retention.days', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    @Module({
      imports: [
        TypeOrmModule.forRoot({ name: 'receiving', type: 'better-sqlite3', database: ':memory:', synchronize: true, autoLoadEntities: true }),
        WebhookReceiverModule.forRoot({ senders: { payments: { scheme: 'standard', secrets: [SECRET] } }, inbox: { dataSource: 'receiving', retention: { days: 7 } } }),
      ],
    })
    class NamedModule {}
    const app = await NestFactory.create(NamedModule, { logger: false });
    await app.init();
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken('receiving'));
      for (const [id, ageDays] of [['evt_8d', 8], ['evt_6d', 6]] as const) {
        await dataSource.query(`INSERT INTO webhook_inbox (sender, event_id, received_at) VALUES ('payments', '${id}', ${Date.now() - ageDays * DAY})`);
      }
      expect(await app.get(WebhookInbox).prune()).toBe(1);
      expect(await dataSource.query('SELECT event_id FROM webhook_inbox')).toEqual([{ event_id: 'evt_6d' }]);
    } finally {
      await app.close();
    }
  });
});

describe('forRootAsync with an inbox', () => {
  it('resolves the senders from a factory and still handles a webhook once', async () => {
    handled.runs = [];
    @Module({
      imports: [
        TypeOrmModule.forRoot({ type: 'better-sqlite3', database: ':memory:', synchronize: true, autoLoadEntities: true }),
        WebhookReceiverModule.forRootAsync({ useFactory: async () => ({ senders: { payments: { scheme: 'standard', secrets: [SECRET] } } }), inbox: true }),
      ],
      controllers: [PaymentsController],
    })
    class AsyncModule {}
    const app = await NestFactory.create(AsyncModule, { rawBody: true, logger: false });
    await app.listen(0, '127.0.0.1');
    try {
      await app.get(DataSource).query('CREATE TABLE host_ledger (entry_id varchar(64) NOT NULL PRIMARY KEY, amount integer NOT NULL)');
      const target = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/hooks/payments`;
      const id = `msg_${randomUUID()}`;
      const statuses = [];
      for (let i = 0; i < 2; i += 1) statuses.push((await fetch(target, { method: 'POST', ...signed(id) })).status);
      expect(statuses).toEqual([200, 200]);
      expect(handled.runs).toEqual([id]);
    } finally {
      await app.close();
    }
  });
});
