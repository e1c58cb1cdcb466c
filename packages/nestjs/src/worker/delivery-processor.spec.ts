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
  const enqueueRetries = jest.fn(async () => undefined);
  const enqueueDeferred = jest.fn(async () => undefined);
  const p = new DeliveryProcessor({
    store,
    profiles: new ProfileRegistry(),
    secrets: { signingSecrets: () => [secret] } as unknown as SubscriptionSecrets,
    send: (request) => send(request.url),
    enqueuer: { enqueueRetries, enqueueDeferred } as unknown as DeliveryEnqueuer,
    disabler: { disable: jest.fn() } as unknown as SubscriptionDisabler,
    events: { emit: jest.fn() },
    clock: systemClock,
    timeoutMs: 5_000,
    leaseMarginMs: 2_000,
    perSubscriptionConcurrency: 10,
  });
  const attempted = () => written.flatMap((b) => b.attempts.map((a) => a.deliveryId));
  return { p, attempted, enqueueRetries };
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

  it('schedules a retry for a failed attempt once its outcome is written', async () => {
    const { p, enqueueRetries } = processor([work('dlv_a', 'sub_a')], async () => ({ ok: false, statusCode: 503, durationMs: 1 }));
    await p.process(['dlv_a']);
    expect(enqueueRetries).toHaveBeenCalledWith([expect.objectContaining({ deliveryId: 'dlv_a', attemptCount: 1 })]);
  });
});
