import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { getWebhookPublisherToken, getWebhookSubscriptionsToken, type WebhookPublisher, type WebhookSubscriptions } from '@hookline/nestjs';
import { expectNoWebhookSent, expectWebhookSent, getHooklineTestKitToken, HooklineTestingModule, type HooklineTestKit } from '@hookline/nestjs/testing';

/** Stands for the host's ConfigService: forRootAsync's factory reads the profile from it. */
@Injectable()
class HostConfig {
  readonly profile = 'mgpass';
}

@Module({ providers: [HostConfig], exports: [HostConfig] })
class HostConfigModule {}

const sqlite = (name?: string) => TypeOrmModule.forRoot({ name, type: 'better-sqlite3', database: ':memory:', autoLoadEntities: true, synchronize: true });

describe('HooklineTestingModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        sqlite(),
        sqlite('billing'),
        HooklineTestingModule.forRootAsync({
          imports: [HostConfigModule],
          inject: [HostConfig],
          useFactory: (config: HostConfig) => ({ profile: config.profile }),
          api: { enabled: false },
          clockStart: new Date('2030-06-01T12:00:00Z'),
        }),
        HooklineTestingModule.forRoot({ name: 'billing', dataSource: 'billing' }),
      ],
    }).compile();
    app = await moduleRef.createNestApplication({ logger: false }).init();
  });

  afterAll(() => app?.close());

  const instance = (name?: string) => ({
    kit: app.get<HooklineTestKit>(getHooklineTestKitToken(name)),
    subscriptions: app.get<WebhookSubscriptions>(getWebhookSubscriptionsToken(name)),
    publisher: app.get<WebhookPublisher>(getWebhookPublisherToken(name)),
  });

  it("keeps forRootAsync's factory options and adds the kit: the module's own profile, on the kit's clock", async () => {
    const { kit, subscriptions, publisher } = instance();
    const subscription = await subscriptions.create({ tenant: 't', url: 'https://mgpass.example/hooks', events: ['*'] });
    await publisher.publish('points.earned', { customer_id: 'c1' }, { tenant: 't' });
    await kit.drain();
    const sent = expectWebhookSent(kit.recorder, { event: 'points.earned', subscription, times: 1 });
    // mgPass's format, detected and verified from the headers: an envelope with event_type, X-Webhook-Signature.
    expect(JSON.parse(sent.body)).toMatchObject({ event_type: 'points.earned', data: { customer_id: 'c1' } });
    expect(Object.keys(sent.headers)).toContain('X-Webhook-Signature');
    expect(sent.at.toISOString()).toBe('2030-06-01T12:00:00.000Z');
  });

  it('gives each named instance its own kit: a drain of one sends nothing of the other', async () => {
    const billing = instance('billing');
    const main = instance();
    expect(billing.kit).not.toBe(main.kit);
    const subscription = await billing.subscriptions.create({ tenant: 't', url: 'https://billing.example/hooks', events: ['*'] });
    await billing.publisher.publish('points.earned', { customer_id: 'c2' }, { tenant: 't' });
    await billing.kit.drain();
    expectWebhookSent(billing.kit.recorder, { event: 'points.earned', subscription, data: { customer_id: 'c2' } });
    expectNoWebhookSent(main.kit.recorder, { url: subscription.url });
  });

  it('refuses forRootAsync without useFactory, saying why', () => {
    expect(() => HooklineTestingModule.forRootAsync({ useClass: HostConfig as never })).toThrow(/takes `useFactory`/);
  });
});
