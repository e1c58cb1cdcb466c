import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import Stripe from 'stripe';
import { Module } from '@nestjs/common';
import { generateSecret, resolveProfile } from '@hookline/core';
import { WebhookReceiverModule } from '@hookline/nestjs';
import { PROFILES, SIGNERS } from '../receiving/support/real-senders';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'examples', 'nest-receiver', 'payments-webhooks.module.ts');

describe('README: receiving webhooks (examples/nest-receiver)', () => {
  let app: INestApplication;
  let controller: { handled: string[] };

  beforeAll(async () => {
    process.env.STRIPE_WEBHOOK_SECRET = 'whsec_readme_example';
    process.env.SHOPIFY_CLIENT_SECRET = 'shpss_readme_example';
    const { PaymentsWebhooksModule, PaymentsWebhooksController } = await import('../../examples/nest-receiver/payments-webhooks.module');
    app = await NestFactory.create(PaymentsWebhooksModule, { rawBody: true, logger: false });
    await app.init();
    controller = app.get(PaymentsWebhooksController);
  });

  afterAll(() => app?.close());

  it('is embedded in the README as it is here', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(readFileSync(EXAMPLE, 'utf8').trim());
  });

  it('handles a request signed by Stripe\'s library and refuses it tampered', async () => {
    const body = JSON.stringify({ id: 'evt_readme', type: 'payment_intent.succeeded' });
    const header = new Stripe('sk_test_not_used').webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_readme_example' });
    const post = (text: string) => request(app.getHttpServer()).post('/webhooks/stripe').set({ 'content-type': 'application/json', 'stripe-signature': header }).send(text);
    expect((await post(body)).status).toBe(200);
    expect((await post(body.replace('succeeded', 'failed'))).status).toBe(401);
    expect(controller.handled).toEqual(['evt_readme payment_intent.succeeded']);
  });

  it('handles a Shopify-signed request with the secret its function returns', async () => {
    const body = JSON.stringify({ id: 1 });
    const hmac = createHmac('sha256', 'shpss_readme_example').update(body).digest('base64');
    const response = await request(app.getHttpServer())
      .post('/webhooks/shop')
      .set({ 'content-type': 'application/json', 'x-shopify-hmac-sha256': hmac, 'x-shopify-webhook-id': 'wh_1' })
      .send(body);
    expect(response.status).toBe(200);
    expect(controller.handled).toContain('wh_1 from the shop');
  });
});

/** The README's controller unchanged, its `stripe` route pointed at each sender in turn. */
describe('README: the receiving controller against every sender', () => {
  const scheme = (sender: string) => (sender.startsWith('hookline-') ? sender.slice('hookline-'.length) : sender);
  const secretFor = (sender: string) =>
    PROFILES.includes(scheme(sender) as never)
      ? generateSecret({ scheme: resolveProfile(scheme(sender) as never).signer.options.scheme })
      : ['standard', 'svix'].includes(sender)
        ? generateSecret({ scheme: 'standard' })
        : `${sender}-readme-secret`;

  it.each(Object.keys(SIGNERS))('runs the handler for a request signed by %s, and refuses it tampered', async (sender) => {
    const secret = secretFor(sender);
    const { PaymentsWebhooksController } = await import('../../examples/nest-receiver/payments-webhooks.module');
    @Module({
      imports: [WebhookReceiverModule.forRoot({ senders: { stripe: { scheme: scheme(sender) as never, secrets: [secret] }, shop: { scheme: 'shopify', secrets: ['unused'] } } })],
      controllers: [PaymentsWebhooksController],
    })
    class EverySenderModule {}
    const app = await NestFactory.create(EverySenderModule, { rawBody: true, logger: false });
    await app.init();
    try {
      const signed = await SIGNERS[sender](secret);
      const post = (body: string) => request(app.getHttpServer()).post('/webhooks/stripe').set({ 'content-type': 'application/json', ...signed.headers }).send(body);
      expect((await post(signed.body)).status).toBe(200);
      expect((await post(signed.body.replace(/\d/, (d) => String((Number(d) + 1) % 10)))).status).toBe(401);
      const handled = app.get(PaymentsWebhooksController).handled;
      expect(handled).toHaveLength(1);
      expect(handled[0].startsWith(`${signed.id} `)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
