import type { LoggerService } from '@nestjs/common';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

/** Keeps every line any part of the app logs, at every level. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...values: unknown[]) => void this.lines.push(values.map((v) => (v instanceof Error ? `${v.message} ${v.stack}` : typeof v === 'string' ? v : JSON.stringify(v))).join(' '));
  log = this.keep;
  error = this.keep;
  warn = this.keep;
  debug = this.keep;
  verbose = this.keep;
  fatal = this.keep;
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('secrets in API responses and logs on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  const logger = new CapturingLogger();
  let t: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver, { retry: { schedule: [50], jitter: 0 } }, { logger });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  it('shows a secret only in the create and rotate responses, and never logs it', async () => {
    const { tenant, write, read } = await t.tenant();
    const created = await write.post('/webhook-subscriptions', { url: receiver.url('/secret'), events: ['*'], description: 'secret test' });
    const id = created.body.data.id;
    const first: string = created.body.data.attributes.secret;
    const rotated = await write.post(`/webhook-subscriptions/${id}/rotate-secret`, { grace_seconds: 3600 });
    const second: string = rotated.body.data.attributes.secret;
    expect(rotated.text).not.toContain(first);

    // Everything else a caller can do with the subscription, its deliveries and messages.
    receiver.respond = (_request, index) => (index === 0 ? { status: 500, body: 'first fails' } : { status: 200, body: 'ok' });
    const published = await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 10 }, { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
    const [delivery] = (await t.deliveries.list({ tenant })).data;
    await write.get('/webhook-subscriptions');
    await read.get(`/webhook-subscriptions/${id}`);
    await write.patch(`/webhook-subscriptions/${id}`, { description: 'renamed' });
    await write.post(`/webhook-subscriptions/${id}/test`);
    await write.get(`/webhook-subscriptions/${id}/stats`);
    await write.post(`/webhook-subscriptions/${id}/replay`, { status: 'failed' });
    await write.get('/deliveries');
    await write.get(`/deliveries/${delivery.id}`);
    await write.post(`/deliveries/${delivery.id}/resend`);
    await write.get(`/messages/${published.messageId}`);
    await write.get('/event-types');
    await write.post('/webhook-subscriptions', { url: receiver.url('/x'), events: ['nope'] });
    await write.get('/openapi.json');
    await write.delete(`/webhook-subscriptions/${id}`);
    await receiver.waitFor(4);

    const others = write.responses.filter((r) => !(r.method === 'post' && (r.path === '/webhook-subscriptions' || r.path.endsWith('/rotate-secret'))) || r.status !== 201 && r.status !== 200);
    expect(others.length).toBeGreaterThanOrEqual(14);
    for (const response of others) {
      for (const secret of [first, second]) {
        expect([response.method, response.path, response.text.includes(secret)]).toEqual([response.method, response.path, false]);
      }
    }
    // The receiver saw signatures made with the secrets, never the secrets.
    for (const request of receiver.requests) expect(JSON.stringify(request)).not.toContain(second.slice(6));
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) {
      for (const secret of [first, second]) {
        expect(line.includes(secret) || line.includes(secret.slice(6))).toBe(false);
      }
    }
  });
});
