import { Controller, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { generateSecret, KNOWN_SENDER_NAMES, SIGNATURE_SCHEMES } from '@hookline/core';
import { VerifyWebhook, WebhookEvent, WebhookReceiverModule, type VerifiedWebhook } from '@hookline/nestjs';
import { signWebhook } from '@hookline/nestjs/testing';

// Each route's sender is named after the format it verifies: a known sender, or a bare scheme.
const NAMES = [...new Set([...KNOWN_SENDER_NAMES, ...SIGNATURE_SCHEMES])];
const secretOf = (name: string) => (['standard', 'svix'].includes(name) ? generateSecret({ scheme: 'standard' }) : `secret-of-${name}`);
const anotherSecret = (name: string) => (['standard', 'svix'].includes(name) ? generateSecret({ scheme: 'standard' }) : 'another-secret');
const SECRETS = Object.fromEntries(NAMES.map((name) => [name, secretOf(name)]));

const ID_IN_BODY = new Set(['stripe', 'mage', 'loyali', 'timestamped', 'hex', 'base64']);

const answer = ({ sender, id, event }: VerifiedWebhook) => ({ sender, id: id ?? null, event });

@Controller('hooks')
class HooksController {
  @Post('standard') @HttpCode(200) @VerifyWebhook('standard') standard(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('svix') @HttpCode(200) @VerifyWebhook('svix') svix(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('stripe') @HttpCode(200) @VerifyWebhook('stripe') stripe(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('github') @HttpCode(200) @VerifyWebhook('github') github(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('shopify') @HttpCode(200) @VerifyWebhook('shopify') shopify(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('mage') @HttpCode(200) @VerifyWebhook('mage') mage(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('loyali') @HttpCode(200) @VerifyWebhook('loyali') loyali(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('loyalpro') @HttpCode(200) @VerifyWebhook('loyalpro') loyalpro(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('mgpass') @HttpCode(200) @VerifyWebhook('mgpass') mgpass(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('timestamped') @HttpCode(200) @VerifyWebhook('timestamped') timestamped(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('hex') @HttpCode(200) @VerifyWebhook('hex') hex(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
  @Post('base64') @HttpCode(200) @VerifyWebhook('base64') base64(@WebhookEvent() w: VerifiedWebhook) { return answer(w); }
}

@Module({
  imports: [WebhookReceiverModule.forRoot({ senders: Object.fromEntries(NAMES.map((name) => [name, { scheme: name, secrets: [SECRETS[name]] }])) })],
  controllers: [HooksController],
})
class ReceiverAppModule {}

describe('signWebhook against WebhookReceiverModule and @VerifyWebhook', () => {
  let app: INestApplication;
  const event = { id: 'evt_9', type: 'payment.succeeded', data: { amount: 1250 } };
  const post = (name: string, signed: { body: string; headers: Record<string, string> }) =>
    request(app.getHttpServer()).post(`/hooks/${name}`).set(signed.headers).send(signed.body);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ReceiverAppModule] }).compile();
    app = await moduleRef.createNestApplication({ rawBody: true, logger: false }).init();
  });

  afterAll(() => app.close());

  it('has a route for every known sender and every scheme', () => {
    const routes = Object.getOwnPropertyNames(HooksController.prototype).filter((name) => name !== 'constructor');
    expect(routes.sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('builds a request the %s route accepts, with the event and its id', async (name) => {
    const response = await post(name, signWebhook({ sender: name, secret: SECRETS[name], body: event, id: 'msg_7' }));
    expect(response.status).toBe(200);
    expect(response.body.sender).toBe(name);
    expect(response.body.event).toEqual(event);
    // Senders that carry no id header are read from the body's `id`.
    expect(response.body.id).toBe(ID_IN_BODY.has(name) ? 'evt_9' : 'msg_7');
  });

  it.each(NAMES)('the %s route refuses the request signed with another secret, or tampered', async (name) => {
    expect((await post(name, signWebhook({ sender: name, secret: anotherSecret(name), body: event }))).status).toBe(401);
    const signed = signWebhook({ sender: name, secret: SECRETS[name], body: event });
    expect((await post(name, { ...signed, body: signed.body.replace('1250', '9999') })).status).toBe(401);
  });

  it('is refused when signed outside the receiver\'s window, for a sender that signs a time', async () => {
    const stale = signWebhook({ sender: 'stripe', secret: SECRETS.stripe, body: event, timestamp: Date.now() - 600_000 });
    expect((await post('stripe', stale)).status).toBe(401);
  });
});
