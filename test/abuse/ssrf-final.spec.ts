import { EventEmitter2 } from '@nestjs/event-emitter';
import { createUndiciTransport, type Transport } from '@hookline/core';
import { ALL_DRIVERS, type TestDriver } from '../support/drivers';
import { eventually } from '../support/receiver';
import { connectionTrap, fakeDns, transportResolvingWith } from '../support/ssrf-rig';
import { createTestApp, type TestApp } from '../support/test-app';

const points = { customer_id: 'cust_1', amount: 150, new_balance: 2350 };

/**
 * A name that passed the guard when its subscription was saved and resolves to a private address
 * when the worker connects (DNS rebinding) is a final outcome: no retry would make it safe.
 */
describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('a send blocked at connect time on %s', (_name, makeDriver) => {
  let driver: TestDriver;
  let t: TestApp;
  let inner: Transport;
  let trap: Awaited<ReturnType<typeof connectionTrap>>;
  const blocked: { deliveryId: string; reason: string }[] = [];

  beforeAll(async () => {
    driver = makeDriver();
    await driver.setUp();
    trap = await connectionTrap();
    inner = createUndiciTransport();
    t = await createTestApp(driver, {
      // The trap's own address is not allowed: only the fake DNS's answer leads there.
      delivery: { allowHttp: true, allowedHosts: [], transport: transportResolvingWith(fakeDns('127.0.0.1').lookup, inner) },
      retry: { schedule: [100, 100, 100], jitter: 0 },
    });
    t.app.get(EventEmitter2).on('hookline.delivery.blocked', (payload: { deliveryId: string; reason: string }) => blocked.push(payload));
  });

  afterAll(async () => {
    await t?.close();
    await inner?.close();
    await trap?.close();
    await driver?.tearDown();
  });

  it('fails the delivery at once, with the reason, announces it, and never retries or connects', async () => {
    const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
    const created = await t.subscriptions.create({ tenant, url: `http://rebind.hookline.test:${trap.port}/hook`, events: ['points.*'] });
    expect(created.url).toContain('rebind.hookline.test');
    await t.publisher.publish('points.earned', points, { tenant });

    await eventually(async () => (await t.deliveries.list({ tenant })).data[0]?.status === 'failed');
    const [delivery] = (await t.deliveries.list({ tenant })).data;
    await eventually(() => blocked.some((event) => event.deliveryId === delivery.id));
    // Past the whole retry schedule: still the one attempt.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const detail = await t.deliveries.get(delivery.id, { tenant });
    expect(detail.attemptCount).toBe(1);
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0].error).toMatch(/^unsafe-url: /);
    expect(detail.nextAttemptAt).toBeNull();
    expect(blocked.find((event) => event.deliveryId === delivery.id)?.reason).toMatch(/^unsafe-url: /);
    expect(trap.connections()).toBe(0);
  });
});
