import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { signWebhook } from '@hookline/nestjs/testing';

describe('PaymentsWebhooksController', () => {
  let app: INestApplication;
  let handled: string[];

  beforeAll(async () => {
    process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_stripe';
    process.env.SHOPIFY_CLIENT_SECRET = 'shpss_test_shopify';
    // Imported once the secrets are set: the module reads them when it is declared.
    const { PaymentsWebhooksController, PaymentsWebhooksModule } = await import('../nest-receiver/payments-webhooks.module');
    const moduleRef = await Test.createTestingModule({ imports: [PaymentsWebhooksModule] }).compile();
    app = await moduleRef.createNestApplication({ rawBody: true, logger: false }).init();
    handled = app.get(PaymentsWebhooksController).handled;
  });

  afterAll(() => app?.close());

  it('handles a Stripe event signed as Stripe signs it', async () => {
    const { body, headers } = signWebhook({ sender: 'stripe', secret: 'whsec_test_stripe', body: { id: 'evt_1', type: 'payment_intent.succeeded' } });
    await request(app.getHttpServer()).post('/webhooks/stripe').set(headers).send(body).expect(200);
    expect(handled).toContain('evt_1 payment_intent.succeeded');
  });

  it('refuses a Shopify request signed with another secret', async () => {
    const { body, headers } = signWebhook({ sender: 'shopify', secret: 'not-the-secret', body: { id: 1 } });
    await request(app.getHttpServer()).post('/webhooks/shop').set(headers).send(body).expect(401);
  });
});
