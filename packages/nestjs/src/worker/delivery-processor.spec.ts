import { generateSecret, systemClock, type DeliveryOutcome } from '@hookline/core';
import { ProfileRegistry } from '../profiles/profile-registry';
import type { DeliveryEnqueuer } from '../publishing/delivery-enqueuer';
import type { SubscriptionSecrets } from '../secrets/subscription-secrets';
import type { DeliveryStore, DeliveryWork, OutcomeBatch } from '../storage/delivery-store';
import { DeliveryProcessor } from './delivery-processor';
import type { SubscriptionDisabler } from './subscription-disabler';

const secret = generateSecret({ scheme: 'standard' });

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
    subscription: { url: `https://example.com/${subscriptionId}`, profile: null, isActive: true, secretCurrentEnc: 'sealed', secretPreviousEnc: null, secretPreviousExpiresAt: null, failureStreak: 0, breakerOpenUntil: null },
  };
}

function processor(items: DeliveryWork[], send: (url: string) => Promise<DeliveryOutcome>) {
  const written: OutcomeBatch[] = [];
  const store = {
    sql: { dialect: 'postgres' },
    claimWork: async (ids: string[]) => items.filter((item) => ids.includes(item.id)),
    record: async (batch: OutcomeBatch) => {
      written.push(batch);
      return new Set([...batch.attempts, ...batch.deferred, ...batch.parked].map((r) => r.deliveryId));
    },
  } as unknown as DeliveryStore;
  const enqueueLater = jest.fn(async (_groups: { deliveryIds: string[]; delayMs: number }[], _tag: string) => undefined);
  const p = new DeliveryProcessor({
    store,
    profiles: new ProfileRegistry('standard', {}, { schedule: [1_000], jitter: 0 }),
    secrets: { signingSecrets: () => [secret] } as unknown as SubscriptionSecrets,
    send: (request) => send(request.url),
    enqueuer: { enqueueLater } as unknown as DeliveryEnqueuer,
    disabler: { disable: jest.fn() } as unknown as SubscriptionDisabler,
    events: { emit: jest.fn() },
    clock: systemClock,
    timeoutMs: 5_000,
    leaseMarginMs: 2_000,
    perSubscriptionConcurrency: 10,
  });
  const attempted = () => written.flatMap((b) => b.attempts.map((a) => a.deliveryId));
  return { p, attempted, enqueueLater };
}

const ok: DeliveryOutcome = { ok: true, statusCode: 200, durationMs: 1 };

describe('DeliveryProcessor', () => {
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

  it('without detachAfterMs, returns only once every outcome is written', async () => {
    const { p, attempted } = processor([work('dlv_a', 'sub_a')], async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return ok;
    });
    await p.process(['dlv_a']);
    expect(attempted()).toEqual(['dlv_a']);
  });

  it('schedules the retries of failed attempts that fall due together as one job, none before it is due', async () => {
    const { p, enqueueLater } = processor([work('dlv_a', 'sub_a'), work('dlv_b', 'sub_a')], async () => ({ ok: false, statusCode: 503, durationMs: 1 }));
    const before = Date.now();
    await p.process(['dlv_a', 'dlv_b']);
    const [groups] = enqueueLater.mock.calls.find(([, tag]) => tag.startsWith('retry'))!;
    expect(groups).toHaveLength(1);
    expect(groups[0].deliveryIds.sort()).toEqual(['dlv_a', 'dlv_b']);
    expect(groups[0].delayMs).toBeGreaterThan(0);
    expect(groups[0].delayMs).toBeLessThanOrEqual(1_000);
    expect(groups[0].delayMs).toBeGreaterThanOrEqual(1_000 - (Date.now() - before));
  });
});
