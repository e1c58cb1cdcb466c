import { createHmac } from 'node:crypto';
import { Controller, HttpCode, Module, Post, type INestApplication, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { generateSecret, resolveProfile } from '@hookline/core';
import { PROFILES, SIGNERS } from './support/real-senders';
import { VerifyWebhook, WebhookEvent, WebhookReceiverModule, type VerifiedWebhook } from '@hookline/nestjs';

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
