import { EventEmitter2 } from '@nestjs/event-emitter';
import { ManualClock } from '@hookline/core';
import { ALL_DRIVERS, sqliteInProcess } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

const points = { customer_id: 'c', amount: 1 };

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('circuit breaker on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let t: TestApp;
  const events: { name: string; payload: any }[] = [];

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createTestApp(driver, {
      // Without the breaker these retries would exhaust in under a second.
      retry: { schedule: Array(8).fill(100), jitter: 0 },
      endpointHealth: { failureThreshold: 3, openAfterMs: 0, probeIntervalMs: 500 },
    });
    const emitter = t.app.get(EventEmitter2);
    for (const name of ['endpoint.failing', 'endpoint.recovered', 'delivery.exhausted']) {
      emitter.on(`hookline.${name}`, (payload: unknown) => events.push({ name, payload }));
    }
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  it('opens after a streak of failures, holds deliveries without spending attempts, and closes on a good probe', async () => {
    const tenant = `cb-${Math.random().toString(36).slice(2, 8)}`;
    const sub = await t.subscriptions.create({ tenant, url: receiver.url('/down'), events: ['*'] });
    receiver.respond = () => ({ status: 500 });
    for (let i = 0; i < 5; i += 1) await t.publisher.publish('points.earned', points, { tenant });

    await eventually(() => events.some((e) => e.name === 'endpoint.failing'));
    expect(events.find((e) => e.name === 'endpoint.failing')!.payload).toMatchObject({ subscriptionId: sub.id, tenant });
    // Open for a while: only probes get through, about one per interval.
    const whenOpened = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const duringOpen = receiver.requests.length - whenOpened;
    expect(duringOpen).toBeLessThanOrEqual(5);

    receiver.respond = () => ({ status: 200 });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 5, 20_000);
    expect(events.filter((e) => e.name === 'endpoint.recovered').map((e) => e.payload.subscriptionId)).toEqual([sub.id]);
    expect(events.filter((e) => e.name === 'delivery.exhausted')).toEqual([]);
    const [row] = await t.dataSource.query(`SELECT failure_streak, breaker_open_until FROM webhook_subscription WHERE id = '${sub.id}'`);
    expect(Number(row.failure_streak)).toBe(0);
    expect(row.breaker_open_until).toBeNull();
  }, 40_000);
});

describe('auto-disable', () => {
  it('disables a subscription that has failed without a break for the configured period, with the reason', async () => {
    const clock = new ManualClock(Date.now());
    const receiver = await new TestReceiver().start();
    receiver.respond = () => ({ status: 503 });
    const t = await createTestApp(sqliteInProcess(), {
      clock,
      retry: { schedule: [100, 100, 100], jitter: 0 },
      endpointHealth: { failureThreshold: 100, autoDisableAfterMs: 24 * 60 * 60 * 1000 },
      sweeper: { enabled: false },
    });
    const disabled: any[] = [];
    t.app.get(EventEmitter2).on('hookline.endpoint.disabled', (payload: unknown) => disabled.push(payload));
    try {
      const sub = await t.subscriptions.create({ tenant: 'ad', url: receiver.url(), events: ['*'] });
      await t.publisher.publish('points.earned', points, { tenant: 'ad' });
      await receiver.waitFor(1);
      await eventually(async () => (await t.deliveries.list({ tenant: 'ad' })).data[0]?.attemptCount === 1);
      expect((await t.subscriptions.get(sub.id)).isActive).toBe(true);

      clock.advance(2 * 24 * 60 * 60 * 1000);
      await eventually(async () => !(await t.subscriptions.get(sub.id)).isActive);
      expect((await t.subscriptions.get(sub.id)).disabledReason).toMatch(/failed every attempt since .*disabled automatically/);
      expect(disabled).toEqual([expect.objectContaining({ subscriptionId: sub.id, tenant: 'ad' })]);
    } finally {
      await t.close();
      await receiver.stop();
    }
  });
});

describe('a burst of first attempts failing together, at the defaults', () => {
  it('does not open the circuit: each delivery lands on its first retry', async () => {
    const receiver = await new TestReceiver().start();
    const seen = new Set<string>();
    // 500 to the first try of each delivery, 200 afterwards (the reproduction).
    receiver.respond = (request) => {
      const id = String(request.headers['webhook-id']);
      if (seen.has(id)) return { status: 200 };
      seen.add(id);
      return { status: 500 };
    };
    const t = await createTestApp(sqliteInProcess());
    const failing: unknown[] = [];
    t.app.get(EventEmitter2).on('hookline.endpoint.failing', (payload: unknown) => failing.push(payload));
    try {
      const sub = await t.subscriptions.create({ tenant: 'burst-500', url: receiver.url(), events: ['*'] });
      await t.publisher.publishMany(Array.from({ length: 20 }, () => ({ type: 'points.earned', data: points, tenant: 'burst-500' })));
      await eventually(async () => (await t.deliveries.list({ tenant: 'burst-500', status: 'delivered' })).data.length === 20, 20_000);
      expect(failing).toEqual([]);
      const [row] = await t.dataSource.query(`SELECT breaker_open_until FROM webhook_subscription WHERE id = '${sub.id}'`);
      expect(row.breaker_open_until).toBeNull();
      expect(receiver.requests).toHaveLength(40);
    } finally {
      await t.close();
      await receiver.stop();
    }
  }, 30_000);
});
