import { createHmac, randomUUID } from 'node:crypto';
import { Controller, HttpCode, Module, Post, type INestApplication, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import Stripe from 'stripe';
import { sign as signGithub } from '@octokit/webhooks-methods';
import { buildWebhookRequest, generateSecret, resolveProfile, type BuiltinProfileName } from '@hookline/core';
import { VerifyWebhook, WebhookEvent, WebhookReceiverModule, type VerifiedWebhook } from '@hookline/nestjs';

const PROFILES: BuiltinProfileName[] = ['standard', 'mage', 'loyali', 'loyalpro', 'mgpass'];
const SECRETS: Record<string, string> = {
  standard: generateSecret({ scheme: 'standard' }),
  svix: generateSecret({ scheme: 'standard' }),
  stripe: 'whsec_stripe_test_secret',
  github: 'github-app-secret',
  shopify: 'shpss_client_secret',
  ...Object.fromEntries(PROFILES.map((p) => [`hookline-${p}`, generateSecret({ scheme: resolveProfile(p).signer.options.scheme })])),
};

const received: VerifiedWebhook[] = [];

@Controller('hooks')
class HooksController {
  @Post('standard') @HttpCode(200) @VerifyWebhook('standard') standard(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('svix') @HttpCode(200) @VerifyWebhook('svix') svix(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('stripe') @HttpCode(200) @VerifyWebhook('stripe') stripe(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('github') @HttpCode(200) @VerifyWebhook('github') github(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('shopify') @HttpCode(200) @VerifyWebhook('shopify') shopify(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('hookline-standard') @HttpCode(200) @VerifyWebhook('hookline-standard') hs(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('hookline-mage') @HttpCode(200) @VerifyWebhook('hookline-mage') hm(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('hookline-loyali') @HttpCode(200) @VerifyWebhook('hookline-loyali') hl(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('hookline-loyalpro') @HttpCode(200) @VerifyWebhook('hookline-loyalpro') hp(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }
  @Post('hookline-mgpass') @HttpCode(200) @VerifyWebhook('hookline-mgpass') hg(@WebhookEvent() w: VerifiedWebhook) { return this.keep(w); }

  private keep(webhook: VerifiedWebhook) {
    received.push(webhook);
    return { ok: true, id: webhook.id ?? null };
  }
}

const senders = {
  standard: { scheme: 'standard' as const, secrets: [SECRETS.standard] },
  // A function: the secrets are looked up per request (a vault, a table).
  svix: { scheme: 'svix' as const, secrets: async () => [SECRETS.svix] },
  stripe: { scheme: 'stripe' as const, secrets: [SECRETS.stripe] },
  github: { scheme: 'github' as const, secrets: ['an-older-secret', SECRETS.github] },
  shopify: { scheme: 'shopify' as const, secrets: [SECRETS.shopify] },
  ...Object.fromEntries(PROFILES.map((p) => [`hookline-${p}`, { scheme: p, secrets: [SECRETS[`hookline-${p}`]] }])),
};

/** One signed request as the sender's own code builds it, and the event id it carries. */
interface SignedRequest {
  body: string;
  headers: Record<string, string>;
  id: string | undefined;
  /** The header that carries the signature, to drop it. */
  signatureHeader: string;
  /** The same request signed `ageSec` ago, for senders that sign a time. */
  signedAgo?: (ageSec: number) => Record<string, string>;
}

const event = (id = `evt_${randomUUID()}`) => JSON.stringify({ id, type: 'payment.succeeded', data: { amount: 1250, currency: 'eur' } });

const SIGNERS: Record<string, (secret: string) => Promise<SignedRequest>> = {
  async standard(secret) {
    const id = `msg_${randomUUID()}`;
    const body = event();
    const at = (date: Date) => ({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(date.getTime() / 1000)), 'webhook-signature': new StandardWebhook(secret).sign(id, date, body) });
    return { body, id, headers: at(new Date()), signatureHeader: 'webhook-signature', signedAgo: (s) => at(new Date(Date.now() - s * 1000)) };
  },
  async svix(secret) {
    const id = `msg_${randomUUID()}`;
    const body = event();
    const at = (date: Date) => ({ 'svix-id': id, 'svix-timestamp': String(Math.floor(date.getTime() / 1000)), 'svix-signature': new SvixWebhook(secret).sign(id, date, body) });
    return { body, id, headers: at(new Date()), signatureHeader: 'svix-signature', signedAgo: (s) => at(new Date(Date.now() - s * 1000)) };
  },
  async stripe(secret) {
    const id = `evt_${randomUUID()}`;
    const body = event(id);
    // The Stripe client makes no request until an API method is called; only its webhook helper is used.
    const webhooks = new Stripe('sk_test_not_used').webhooks;
    const at = (timestamp: number) => ({ 'stripe-signature': webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) });
    return { body, id, headers: at(Math.floor(Date.now() / 1000)), signatureHeader: 'stripe-signature', signedAgo: (s) => at(Math.floor(Date.now() / 1000) - s) };
  },
  async github(secret) {
    const id = randomUUID();
    const body = JSON.stringify({ action: 'created', installation: { id: 1 } });
    return { body, id, headers: { 'x-hub-signature-256': await signGithub(secret, body), 'x-github-delivery': id, 'x-github-event': 'installation' }, signatureHeader: 'x-hub-signature-256' };
  },
  async shopify(secret) {
    const id = randomUUID();
    const body = JSON.stringify({ id: 820982911946154500, email: 'jon@example.com' });
    // Shopify publishes no signing library; this is its documented algorithm: base64 HMAC-SHA256 of the raw body.
    const hmac = createHmac('sha256', secret).update(body, 'utf8').digest('base64');
    return { body, id, headers: { 'x-shopify-hmac-sha256': hmac, 'x-shopify-webhook-id': id, 'x-shopify-topic': 'orders/create' }, signatureHeader: 'x-shopify-hmac-sha256' };
  },
  ...Object.fromEntries(
    PROFILES.map((profile) => [
      `hookline-${profile}`,
      async (secret: string): Promise<SignedRequest> => {
        // Hookline's own sender code builds the request, exactly as a delivery attempt does.
        const resolved = resolveProfile(profile);
        const eventId = `dlv_${randomUUID().replace(/-/g, '')}`;
        const message = { eventId, messageId: 'msg_1', type: 'points.earned', tenant: 'shop-1', occurredAt: new Date(), data: { customer_id: 'cust_1', amount: 150 } };
        const at = (attemptAt: Date) => buildWebhookRequest(resolved, { url: 'http://127.0.0.1/', secrets: [secret], message, attemptAt });
        const built = at(new Date());
        const signsTime = resolved.signer.options.signedContent !== 'body';
        const id = profile === 'mage' ? undefined : eventId; // Mage's webhooks carry no event id
        return {
          body: built.body,
          id,
          headers: built.headers,
          signatureHeader: resolved.signer.options.header,
          signedAgo: signsTime ? (s) => at(new Date(Date.now() - s * 1000)).headers : undefined,
        };
      },
    ]),
  ),
};

const SENDERS = Object.keys(SIGNERS);

function capturingLogger(lines: string[]): LoggerService {
  const keep = (level: string) => (message: unknown, context?: unknown) => void lines.push(`${level} ${String(context)} ${String(message)}`);
  return { log: keep('log'), warn: keep('warn'), error: keep('error'), debug: keep('debug'), verbose: keep('verbose') };
}

async function appWith(options: { rawBody?: boolean; logger?: LoggerService; receiver?: unknown } = {}): Promise<INestApplication> {
  @Module({ imports: [WebhookReceiverModule.forRoot((options.receiver as never) ?? { senders })], controllers: [HooksController] })
  class HostModule {}
  const moduleRef = await Test.createTestingModule({ imports: [HostModule] }).compile();
  const app = moduleRef.createNestApplication({ rawBody: options.rawBody ?? true, logger: options.logger ?? false });
  await app.init();
  return app;
}

describe('@VerifyWebhook against real senders\' code', () => {
  let app: INestApplication;
  const logs: string[] = [];

  beforeAll(async () => {
    app = await appWith({ logger: capturingLogger(logs) });
  });

  afterAll(() => app.close());

  const post = (sender: string, signed: { body: string; headers: Record<string, string> }) =>
    request(app.getHttpServer()).post(`/hooks/${sender}`).set({ 'content-type': 'application/json', ...signed.headers }).send(signed.body);

  it.each(SENDERS)('accepts a request signed by %s and hands the handler the parsed event and its id', async (sender) => {
    const signed = await SIGNERS[sender](SECRETS[sender]);
    const before = received.length;
    const response = await post(sender, signed);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, id: signed.id ?? null });
    expect(received.slice(before)).toEqual([{ sender, id: signed.id, event: JSON.parse(signed.body) }]);
  });

  describe.each(SENDERS)('refuses a tampered %s request with a generic 401', (sender) => {
    const refused = async (signed: { body: string; headers: Record<string, string> }) => {
      const before = received.length;
      const response = await post(sender, signed);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, message: 'Unauthorized' });
      expect(received.length).toBe(before); // the handler never ran
    };

    it('one byte of the body changed', async () => {
      const signed = await SIGNERS[sender](SECRETS[sender]);
      const at = signed.body.indexOf(':') + 1;
      await refused({ ...signed, body: `${signed.body.slice(0, at)} ${signed.body.slice(at)}` });
    });

    it('signed with another secret', async () => {
      const other = sender === 'standard' || sender === 'svix' || sender === 'hookline-standard' ? generateSecret({ scheme: 'standard' }) : 'not-the-secret';
      await refused(await SIGNERS[sender](other));
    });

    it('without its signature header', async () => {
      const signed = await SIGNERS[sender](SECRETS[sender]);
      const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== signed.signatureHeader.toLowerCase()));
      await refused({ ...signed, headers });
    });

    it('signed ten minutes ago (where the sender signs a time)', async () => {
      const signed = await SIGNERS[sender](SECRETS[sender]);
      if (!signed.signedAgo) {
        // GitHub, Shopify, LoyalPro and mgPass sign the body alone: there is no time to check.
        expect(['github', 'shopify', 'hookline-loyalpro', 'hookline-mgpass']).toContain(sender);
        return;
      }
      await refused({ ...signed, headers: signed.signedAgo(600) });
    });
  });

  it('logs why a request was refused at debug level, with the sender, never in the answer', async () => {
    const signed = await SIGNERS.stripe('not-the-secret');
    logs.length = 0;
    await post('stripe', signed);
    expect(logs).toEqual([expect.stringMatching(/^debug HooklineReceiver Refused a stripe webhook: HOOKLINE_SIGNATURE_MISMATCH/)]);
  });

  it('answers 400 to an authentic request whose body is not JSON, without running the handler', async () => {
    const body = '{"id": 1, truncated';
    const hmac = createHmac('sha256', SECRETS.shopify).update(body).digest('base64');
    const before = received.length;
    const response = await post('shopify', { body, headers: { 'x-shopify-hmac-sha256': hmac } });
    expect(response.status).toBe(400);
    expect(received.length).toBe(before);
  });
});

describe('WebhookReceiverModule start-up checks', () => {
  it('takes its senders from forRootAsync', async () => {
    @Module({ imports: [WebhookReceiverModule.forRootAsync({ useFactory: async () => ({ senders }) })], controllers: [HooksController] })
    class AsyncHostModule {}
    const app = (await Test.createTestingModule({ imports: [AsyncHostModule] }).compile()).createNestApplication({ rawBody: true, logger: false });
    await app.init();
    try {
      const signed = await SIGNERS.github(SECRETS.github);
      const response = await request(app.getHttpServer()).post('/hooks/github').set({ 'content-type': 'application/json', ...signed.headers }).send(signed.body);
      expect(response.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a sender without a secret', async () => {
    await expect(appWith({ receiver: { senders: { ...senders, github: { scheme: 'github', secrets: [] } } } })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_RECEIVER_OPTIONS',
      message: expect.stringContaining('Sender "github" has no secret'),
    });
  });

  it('refuses an unknown scheme', async () => {
    await expect(appWith({ receiver: { senders: { ...senders, github: { scheme: 'gitlab', secrets: ['x'] } } } })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_RECEIVER_OPTIONS',
      pointer: '/senders/github/scheme',
    });
  });

  it('refuses a @VerifyWebhook route whose sender is not configured', async () => {
    const { stripe: _stripe, ...others } = senders;
    await expect(appWith({ receiver: { senders: others } })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_RECEIVER_OPTIONS',
      message: expect.stringContaining("@VerifyWebhook('stripe')"),
    });
  });

  it('says to create the app with rawBody: true when the raw body is missing, and lets nothing through', async () => {
    const logs: string[] = [];
    const app = await appWith({ rawBody: false, logger: capturingLogger(logs) });
    try {
      const signed = await SIGNERS.standard(SECRETS.standard);
      const before = received.length;
      const response = await request(app.getHttpServer()).post('/hooks/standard').set({ 'content-type': 'application/json', ...signed.headers }).send(signed.body);
      expect(response.status).toBe(500);
      expect(received.length).toBe(before);
      expect(logs.some((line) => line.includes('HOOKLINE_RAW_BODY_REQUIRED') && line.includes('rawBody: true'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
