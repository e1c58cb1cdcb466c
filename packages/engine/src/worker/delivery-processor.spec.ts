import { generateSecret, ManualClock, systemClock, type Clock, type DeliveryOutcome, type WebhookRequest } from '@hookline/core';
import { ProfileRegistry } from '../options/profile-registry';
import type { DeliveryEnqueuer, LaterGroup } from '../queue/delivery-enqueuer';
import { SecretCipher } from '../secrets/secret-cipher';
import { SubscriptionHeaders } from '../secrets/subscription-headers';
import type { SubscriptionSecrets } from '../secrets/subscription-secrets';
import { postgresDialect } from '../storage/dialects/postgres/postgres-dialect';
import type { DeliveryStore, DeliveryWork, OutcomeBatch } from '../storage/delivery-store';
import type { RateDecision, RateGate } from '../rate-limits/rate-gate';
import { DeliveryProcessor } from './delivery-processor';
import { LAG_MS } from './subscription-slots';
import { NO_TRACING } from '../tracing/tracing';
import type { SubscriptionDisabler } from './subscription-disabler';

const secret = generateSecret({ scheme: 'standard' });
const sealedHeaders = new SubscriptionHeaders(new SecretCipher(Buffer.alloc(32, 3).toString('base64')));

function work(id: string, subscriptionId: string): DeliveryWork {
  return {
    id,
    tenant: 'shop',
    messageId: `msg_${id}`,
    subscriptionId,
    attemptCount: 0,
    seriesStartedAt: new Date(),
    type: 'points.earned',
    payload: '{"customer_id":"c1"}',
    channels: null,
    occurredAt: new Date(),
    orderingKey: null,
    trace: null,
    subscription: { url: `https://example.com/${subscriptionId}`, profile: null, isActive: true, secretCurrentEnc: 'sealed', secretPreviousEnc: null, secretPreviousExpiresAt: null, headersEnc: null, failureStreak: 0, breakerOpenUntil: null, breakerOpenedAt: null, rate: null },
  };
}

function processor(
  items: DeliveryWork[],
  send: (url: string, request: WebhookRequest) => Promise<DeliveryOutcome>,
  {
    clock = systemClock as Clock,
    limit = 10,
    extended = (ids: string[]) => ids,
    headers = sealedHeaders as Pick<SubscriptionHeaders, 'open'>,
    rates = undefined as Map<string, RateDecision> | undefined,
  } = {},
) {
  const written: OutcomeBatch[] = [];
  const store = {
    sql: { dialect: postgresDialect },
    claimWorkHolding: async (ids: string[]) => ({ work: items.filter((item) => ids.includes(item.id)), held: new Map() }),
    extendClaims: async (ids: string[]) => extended(ids),
    record: async (batch: OutcomeBatch) => {
      written.push(batch);
      return new Set([...batch.attempts, ...batch.deferred, ...batch.parked].map((r) => r.deliveryId));
    },
  } as unknown as DeliveryStore;
  const enqueueLater = jest.fn(async (_groups: LaterGroup[], _tag: string) => undefined);
  const events = { emit: jest.fn() };
  const onRateLimited = jest.fn();
  const p = new DeliveryProcessor({
    store,
    profiles: new ProfileRegistry('standard', {}, { schedule: [1_000], jitter: 0 }),
    secrets: { signingSecrets: () => [secret] } as unknown as SubscriptionSecrets,
    headers,
    send: (request) => send(request.url, request),
    enqueuer: { enqueueLater } as unknown as DeliveryEnqueuer,
    disabler: { disable: jest.fn() } as unknown as SubscriptionDisabler,
    events,
    clock,
    tracing: NO_TRACING,
    timeoutMs: 5_000,
    leaseMarginMs: 2_000,
    endpointConcurrency: { min: 1, max: limit === 10 ? 100 : limit, initial: limit },
    ...(rates && { rateGate: { admit: async () => rates } as unknown as RateGate, onRateLimited }),
  });
  const attempted = () => written.flatMap((b) => b.attempts.map((a) => a.deliveryId));
  return { p, attempted, enqueueLater, events, written, onRateLimited };
}

const ok: DeliveryOutcome = { ok: true, statusCode: 200, durationMs: 1 };

describe('DeliveryProcessor', () => {
  it('defers what its rate limit holds back to when its token comes, spending no attempt, and sends the rest', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const now = clock.now().getTime();
    const rates = new Map<string, RateDecision>([
      ['dlv_now', { sendAt: now }],
      ['dlv_later', { deferUntil: new Date(now + 400) }],
    ]);
    const { p, attempted, written, enqueueLater, onRateLimited } = processor([work('dlv_now', 'sub_a'), work('dlv_later', 'sub_a')], async () => ok, { clock, rates });
    await p.process(['dlv_now', 'dlv_later']);
    expect(attempted()).toEqual(['dlv_now']);
    expect(written.flatMap((b) => b.deferred)).toEqual([expect.objectContaining({ deliveryId: 'dlv_later', nextAttemptAt: new Date(now + 400) })]);
    expect(onRateLimited).toHaveBeenCalledWith(1);
    // Back by a delayed job when its token is due.
    expect(enqueueLater.mock.calls.flatMap(([groups]) => groups)).toContainEqual(expect.objectContaining({ deliveryIds: ['dlv_later'], delayMs: 400 }));
  });

  it('puts back a delivery that could not start within 250 ms of its token, so late sends cannot crowd the next tokens', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const rates = new Map<string, RateDecision>([['dlv_late', { sendAt: clock.now().getTime() - 251 }]]);
    const { p, attempted, written } = processor([work('dlv_late', 'sub_a')], async () => ok, { clock, rates });
    await p.process(['dlv_late']);
    expect(attempted()).toEqual([]);
    expect(written.flatMap((b) => b.deferred)).toEqual([expect.objectContaining({ deliveryId: 'dlv_late', nextAttemptAt: clock.now() })]);
  });

  it('ends a job after detachAfterMs while a slow attempt goes on, and writes that outcome when it lands', async () => {
    let answerSlow: () => void = () => undefined;
    const slowAnswered = new Promise<void>((resolve) => (answerSlow = resolve));
    const { p, attempted } = processor([work('dlv_fast', 'sub_fast'), work('dlv_slow', 'sub_slow')], async (url) => {
      if (url.endsWith('sub_slow')) await slowAnswered;
      return ok;
    });
    await p.process(['dlv_fast', 'dlv_slow'], { detachAfterMs: 30 });
    expect(attempted()).toEqual(['dlv_fast']);
    answerSlow();
    await p.drain(1_000);
    expect(attempted()).toEqual(['dlv_fast', 'dlv_slow']);
  });

  it('ends a job as soon as what is left belongs to an endpoint that lags while others answer, long before detachAfterMs', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    let answerSlow: () => void = () => undefined;
    const slowAnswered = new Promise<void>((resolve) => (answerSlow = resolve));
    let answerFast: () => void = () => undefined;
    const fastAnswered = new Promise<void>((resolve) => (answerFast = resolve));
    const { p, attempted } = processor([work('dlv_fast', 'sub_fast'), work('dlv_slow', 'sub_slow')], async (url) => {
      await (url.endsWith('sub_slow') ? slowAnswered : fastAnswered);
      return ok;
    }, { clock });
    const job = p.process(['dlv_fast', 'dlv_slow'], { detachAfterMs: 600_000 });
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(LAG_MS); // the slow endpoint has not answered for 250 ms; then the fast one does
    answerFast();
    await job;
    expect(attempted()).toEqual(['dlv_fast']);
    answerSlow();
    await p.drain(1_000);
    expect(attempted()).toEqual(['dlv_fast', 'dlv_slow']);
  });

  it('keeps a job while its endpoint answers, however many of its deliveries wait for a slot', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const items = ['dlv_a', 'dlv_b', 'dlv_c'].map((id) => work(id, 'sub_a'));
    const { p, attempted } = processor(items, async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      clock.advance(LAG_MS); // each answer comes back late, but it comes back
      return ok;
    }, { clock, limit: 1 });
    await p.process(['dlv_a', 'dlv_b', 'dlv_c'], { detachAfterMs: 600_000 });
    expect(attempted().sort()).toEqual(['dlv_a', 'dlv_b', 'dlv_c']);
  });

  it('without detachAfterMs, returns only once every outcome is written', async () => {
    const { p, attempted } = processor([work('dlv_a', 'sub_a')], async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return ok;
    });
    await p.process(['dlv_a']);
    expect(attempted()).toEqual(['dlv_a']);
  });

  it('schedules the retries of failed attempts that fall due together as one job naming their subscriptions, none before it is due', async () => {
    const { p, enqueueLater } = processor([work('dlv_a', 'sub_a'), work('dlv_b', 'sub_b'), work('dlv_c', 'sub_a')], async () => ({ ok: false, statusCode: 503, durationMs: 1 }));
    const before = Date.now();
    await p.process(['dlv_a', 'dlv_b', 'dlv_c']);
    const [groups] = enqueueLater.mock.calls.find(([, tag]) => tag.startsWith('retry'))!;
    expect(groups).toHaveLength(1);
    expect(groups[0].deliveryIds.sort()).toEqual(['dlv_a', 'dlv_b', 'dlv_c']);
    expect(groups[0].subscriptionIds?.sort()).toEqual(['sub_a', 'sub_b']);
    expect(groups[0].delayMs).toBeGreaterThan(0);
    expect(groups[0].delayMs).toBeLessThanOrEqual(1_000);
    expect(groups[0].delayMs).toBeGreaterThanOrEqual(1_000 - (Date.now() - before));
  });

  it('fails a send the SSRF guard blocked at connect time at once, with the reason, and raises delivery.blocked', async () => {
    const blocked: DeliveryOutcome = { ok: false, durationMs: 1, error: { kind: 'unsafe-url', message: 'example.com resolved to 10.0.0.5, a private address' } };
    const { p, enqueueLater, events, written } = processor([work('dlv_a', 'sub_a')], async () => blocked);
    await p.process(['dlv_a']);
    const [attempt] = written.flatMap((b) => b.attempts);
    expect(attempt.next).toMatchObject({ status: 'failed', attemptCount: 1, nextAttemptAt: null });
    expect(attempt.error).toMatch(/10\.0\.0\.5/);
    expect(events.emit).toHaveBeenCalledWith('delivery.blocked', expect.objectContaining({ deliveryId: 'dlv_a', subscriptionId: 'sub_a', reason: attempt.error }));
    expect(events.emit).not.toHaveBeenCalledWith('delivery.exhausted', expect.anything());
    const retries = enqueueLater.mock.calls.find(([, tag]) => tag.startsWith('retry'))![0];
    expect(retries).toEqual([]);
  });

  it('renews the claim of a delivery that waited long for its slot, and does not send one another worker took meanwhile', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    let answerFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    const sent: string[] = [];
    const items = [work('dlv_a', 'sub_a'), work('dlv_b', 'sub_a'), work('dlv_c', 'sub_a')];
    const { p, attempted } = processor(
      items,
      async (url) => {
        sent.push(url);
        if (sent.length === 1) await firstAnswered;
        return ok;
      },
      // One slot; dlv_c's claim was taken by another worker while it waited.
      { clock, limit: 1, extended: (ids) => ids.filter((id) => id !== 'dlv_c') },
    );
    const job = p.process(['dlv_a', 'dlv_b', 'dlv_c']);
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1_500); // past half the 2 s lease margin: the claims of the waiting two could lapse mid-attempt
    answerFirst();
    await job;
    expect(attempted().sort()).toEqual(['dlv_a', 'dlv_b']);
    expect(sent).toHaveLength(2);
  });

  describe("a subscription's own headers", () => {
    const withHeaders = (id: string, headers: Record<string, string>) => {
      const item = work(id, 'sub_h');
      item.subscription!.headersEnc = sealedHeaders.seal(headers);
      return item;
    };

    it('go with every attempt, under the headers the request was built with', async () => {
      const sent: WebhookRequest[] = [];
      const { p } = processor([withHeaders('dlv_h', { 'X-Api-Key': 'key-1234', 'Webhook-Signature': 'forged' })], async (_url, request) => {
        sent.push(request);
        return ok;
      });
      await p.process(['dlv_h']);
      expect(sent[0].headers['X-Api-Key']).toBe('key-1234');
      expect(sent[0].headers['webhook-signature']).toMatch(/^v1,/);
      expect(sent[0].headers).not.toHaveProperty('Webhook-Signature');
    });

    it('are opened for each attempt of a subscription that has some, never for one without', async () => {
      const open = jest.fn((sealed: string) => sealedHeaders.open(sealed));
      const items = [withHeaders('dlv_1', { 'X-Api-Key': 'k' }), withHeaders('dlv_2', { 'X-Api-Key': 'k' }), work('dlv_3', 'sub_none')];
      const sent: WebhookRequest[] = [];
      const { p } = processor(items, async (_url, request) => (sent.push(request), ok), { headers: { open } });
      await p.process(['dlv_1', 'dlv_2', 'dlv_3']);
      expect(open).toHaveBeenCalledTimes(2);
      expect(sent.map((request) => request.headers['X-Api-Key'] ?? null).sort()).toEqual(['k', 'k', null]);
    });

    it('that cannot be opened end as a recorded failed attempt, nothing sent', async () => {
      const item = work('dlv_bad', 'sub_bad');
      item.subscription!.headersEnc = new SubscriptionHeaders(new SecretCipher(Buffer.alloc(32, 4).toString('base64'))).seal({ 'X-Api-Key': 'k' });
      const send = jest.fn(async () => ok);
      const { p, written } = processor([item], send);
      await p.process(['dlv_bad']);
      expect(send).not.toHaveBeenCalled();
      expect(written[0].attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/not among the configured encryption keys/) });
    });
  });
});
