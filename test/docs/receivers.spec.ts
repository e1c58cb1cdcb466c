import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';
import { WebhooksReceiverController } from '../../examples/receiver-nest';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is plain JavaScript on purpose
const { createReceiver } = require('../../examples/receiver-express');

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`)));

describe('the receiver examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(sqliteInProcess());
  });
  afterAll(() => t?.close());

  it('Express: verifies the raw body, handles each webhook once, refuses a forged one', async () => {
    const events: any[] = [];
    const sub = await t.subscriptions.create({ tenant: 'ex', url: 'http://127.0.0.1:1/placeholder', events: ['*'] });
    const server: Server = createReceiver(sub.secret, (event: unknown) => events.push(event)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await t.subscriptions.update(sub.id, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks` });
      await t.publisher.publish('points.earned', { customer_id: 'cust_é', amount: 7 }, { tenant: 'ex' });
      await eventually(() => events.length === 1);
      expect(events[0]).toMatchObject({ type: 'points.earned', data: { customer_id: 'cust_é', amount: 7 } });
      const forged = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': 'x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
        body: '{"type":"points.earned"}',
      });
      expect(forged.status).toBe(401);
    } finally {
      server.close();
    }
  });

  it('Nest: verifies req.rawBody and records the event', async () => {
    const sub = await t.subscriptions.create({ tenant: 'nest', url: 'http://127.0.0.1:1/placeholder', events: ['*'] });
    process.env.WEBHOOK_SECRET = sub.secret;
    @Module({ controllers: [WebhooksReceiverController] })
    class ReceiverModule {}
    const receiverApp = await NestFactory.create(ReceiverModule, { rawBody: true, logger: false });
    try {
      await receiverApp.init();
      const url = await listen(receiverApp.getHttpServer());
      await t.subscriptions.update(sub.id, { url });
      await t.publisher.publish('customer.tier_upgrade', { customer_id: 'c1', previous_tier: 'Silver', new_tier: 'Gold' }, { tenant: 'nest' });
      const controller = receiverApp.get(WebhooksReceiverController);
      await eventually(() => controller.received.length === 1);
      expect(controller.received[0]).toMatchObject({ type: 'customer.tier_upgrade' });
      const [delivery] = (await t.deliveries.list({ tenant: 'nest' })).data;
      await eventually(async () => (await t.deliveries.get(delivery.id)).status === 'delivered');
    } finally {
      delete process.env.WEBHOOK_SECRET;
      await receiverApp.close();
    }
  });
});
