import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  getHooklineRuntimeToken,
  getWebhookPublisherToken,
  InjectWebhookPublisher,
  InjectWebhookSubscriptions,
  WebhookPublisher,
  WebhooksConfigError,
  WebhooksModule,
  WebhookSubscriptions,
  type HooklineRuntime,
} from '@hookline/nestjs';
import { TestReceiver } from '../support/receiver';
import { TEST_ENCRYPTION_KEY } from '../support/test-app';

/** A host service that publishes on both instances. */
@Injectable()
class LoyaltyAndBilling {
  constructor(
    readonly loyalty: WebhookPublisher,
    readonly loyaltySubscriptions: WebhookSubscriptions,
    @InjectWebhookPublisher('billing') readonly billing: WebhookPublisher,
    @InjectWebhookSubscriptions('billing') readonly billingSubscriptions: WebhookSubscriptions,
  ) {}
}

const common = { encryptionKey: TEST_ENCRYPTION_KEY, delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] } };
const sqlite = (name?: string) => ({ name, type: 'better-sqlite3' as const, database: ':memory:', synchronize: true, autoLoadEntities: true });

describe('two WebhooksModule instances with different names in one app', () => {
  const loyaltyReceiver = new TestReceiver();
  const billingReceiver = new TestReceiver();
  let app: INestApplication;
  let host: LoyaltyAndBilling;

  beforeAll(async () => {
    await loyaltyReceiver.start();
    await billingReceiver.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot(sqlite()),
        TypeOrmModule.forRoot(sqlite('billing')),
        WebhooksModule.forRoot({ ...common, api: { enabled: false } }),
        WebhooksModule.forRoot({ ...common, name: 'billing', dataSource: 'billing', profile: 'loyali' }),
      ],
      providers: [LoyaltyAndBilling],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.init();
    host = app.get(LoyaltyAndBilling);
  });

  afterAll(async () => {
    await app?.close();
    await loyaltyReceiver.stop();
    await billingReceiver.stop();
  });

  it('gives each name its own runtime, services and DataSource', () => {
    const loyalty = app.get<HooklineRuntime>(getHooklineRuntimeToken());
    const billing = app.get<HooklineRuntime>(getHooklineRuntimeToken('billing'));
    expect(billing).not.toBe(loyalty);
    expect(host.billing).toBe(billing.publisher);
    expect(host.loyalty).toBe(loyalty.publisher);
    expect(app.get(getWebhookPublisherToken('billing'))).toBe(billing.publisher);
    expect(billing.dataSource).toBe(app.get(getDataSourceToken('billing')));
    expect(loyalty.dataSource).toBe(app.get<DataSource>(getDataSourceToken()));
  });

  it('delivers each instance\'s events with its own wire profile, and keeps its rows on its own DataSource', async () => {
    await host.loyaltySubscriptions.create({ tenant: 'shop', url: loyaltyReceiver.url('/loyalty'), events: ['points.*'] });
    await host.billingSubscriptions.create({ tenant: 'shop', url: billingReceiver.url('/billing'), events: ['points.*'] });
    await host.loyalty.publish('points.earned', { customer_id: 'c_1', amount: 1 }, { tenant: 'shop' });
    await host.billing.publish('points.earned', { customer_id: 'c_2', amount: 2 }, { tenant: 'shop' });
    await Promise.all([loyaltyReceiver.waitFor(1), billingReceiver.waitFor(1)]);

    expect(loyaltyReceiver.requests.map((request) => JSON.parse(request.body).data.customer_id)).toEqual(['c_1']);
    expect(loyaltyReceiver.requests[0].headers['webhook-signature']).toBeDefined();
    expect(billingReceiver.requests.map((request) => JSON.parse(request.body).data.customer_id)).toEqual(['c_2']);
    expect(billingReceiver.requests[0].headers['x-loyali-signature']).toBeDefined();

    const messages = async (token: string | undefined) => (await app.get<DataSource>(getDataSourceToken(token)).query('SELECT COUNT(*) AS n FROM webhook_message'))[0].n;
    expect([await messages(undefined), await messages('billing')]).toEqual([1, 1]);
  });
});

describe('a named instance and the REST API', () => {
  it('refuses to mount the API on a named instance, saying what to do', () => {
    const build = () => WebhooksModule.forRoot({ ...common, name: 'billing', api: { enabled: true } });
    expect(build).toThrow(WebhooksConfigError);
    expect(build).toThrow(/default \(unnamed\) instance only; give this one `api: \{ enabled: false \}`/);
  });
});
