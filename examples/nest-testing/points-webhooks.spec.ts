import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookSubscriptions } from '@hookline/nestjs';
import { expectWebhookSent, HooklineTestingModule, HooklineTestKit } from '@hookline/nestjs/testing';
import { PointsService } from './points.service';

describe('PointsService webhooks', () => {
  let app: INestApplication;
  let kit: HooklineTestKit;
  let subscriptions: WebhookSubscriptions;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'better-sqlite3', database: ':memory:', autoLoadEntities: true, synchronize: true }),
        // WebhooksModule.forRoot's options; nothing leaves the process and time moves when the test says.
        HooklineTestingModule.forRoot({ api: { enabled: false } }),
      ],
      providers: [PointsService],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
    kit = app.get(HooklineTestKit);
    subscriptions = app.get(WebhookSubscriptions);
  });

  afterEach(() => app.close());

  it("sends points.earned to the shop's subscriber, signed with its secret", async () => {
    const subscription = await subscriptions.create({ tenant: 'my-shop', url: 'https://partner.example/hooks', events: ['points.*'] });

    await app.get(PointsService).award('my-shop', 'cust_42', 150);
    await kit.drain(); // runs every delivery due now, through the real claim → attempt → outcome path

    // Finds the request, checks its signature with the subscription's secret; on failure lists what was sent.
    expectWebhookSent(kit.recorder, { event: 'points.earned', subscription, data: { customer_id: 'cust_42', amount: 150 } });
  });

  it('retries when the subscriber answers 500', async () => {
    const subscription = await subscriptions.create({ tenant: 'my-shop', url: 'https://partner.example/hooks', events: ['points.*'] });
    kit.recorder.respondTo(subscription.url, 500);

    await app.get(PointsService).award('my-shop', 'cust_42', 150);
    await kit.drain();
    expect(kit.recorder.requestsTo(subscription.url).map((request) => request.answer)).toEqual([500]);

    kit.recorder.respondTo(subscription.url, 200);
    kit.clock.advance(60 * 60 * 1000); // well past the first retry delay
    await kit.drain();
    expect(kit.recorder.requestsTo(subscription.url).map((request) => request.answer)).toEqual([500, 200]);
  });
});
