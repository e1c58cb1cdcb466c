import { ManualClock } from '@hookline/core';
import { DataSource } from 'typeorm';
import { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import { InProcessQueue } from '../queue/in-process/in-process-queue';
import { HOOKLINE_ENTITIES } from '../storage/entities';
import type { AttemptRecord, DeliveryWork } from '../storage/delivery-records';
import { SqlRunner } from '../storage/sql-runner';
import { EndpointHealth } from './endpoint-health';
import { SubscriptionDisabler } from './subscription-disabler';

const SECOND = 1_000;
const quiet = { warn: () => undefined };

describe('EndpointHealth (SQLite, injected clock)', () => {
  let dataSource: DataSource;
  let sql: SqlRunner;
  let clock: ManualClock;
  let health: EndpointHealth;
  let events: { name: string; payload: Record<string, unknown> }[];

  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: HOOKLINE_ENTITIES, synchronize: true }).initialize();
    sql = new SqlRunner(dataSource);
    clock = new ManualClock(1_700_000_000_000);
    events = [];
    const emitter = { emit: (name: string, payload: Record<string, unknown>) => void events.push({ name, payload }) };
    const enqueuer = new DeliveryEnqueuer(new InProcessQueue(), 100, quiet);
    health = new EndpointHealth(
      sql,
      clock,
      { enabled: true, failureThreshold: 10, openAfterMs: 10 * SECOND, firstProbeAfterMs: 5 * SECOND, probeIntervalMs: 30 * SECOND, autoDisableAfterMs: 5 * 86_400 * SECOND },
      emitter,
      new SubscriptionDisabler(sql, emitter, clock),
      enqueuer,
      quiet,
    );
    await sql.execute(
      `INSERT INTO webhook_subscription (id, tenant, url, events, is_active, secret_current_enc, failure_streak, created_at, updated_at)
       VALUES ('sub_a', 'shop', 'https://example.com/hook', '["*"]', 1, 'sealed', 0, 0, 0)`,
    );
  });

  afterEach(() => dataSource.destroy());

  /** A delivery to sub_a as a worker would have claimed it now: with the subscription's row as it stands. */
  async function item(): Promise<DeliveryWork> {
    const [row] = await sql.rows<Record<string, number | null>>(`SELECT failure_streak, breaker_open_until, breaker_opened_at FROM webhook_subscription WHERE id = 'sub_a'`);
    const date = (value: number | null) => (value == null ? null : new Date(Number(value)));
    return {
      id: 'dlv_1', tenant: 'shop', messageId: 'msg_1', subscriptionId: 'sub_a', attemptCount: 0, seriesStartedAt: clock.now(),
      type: 'points.earned', payload: '{}', channels: null, occurredAt: clock.now(), orderingKey: null, trace: null,
      subscription: {
        url: 'https://example.com/hook', profile: null, isActive: true, secretCurrentEnc: 'sealed', secretPreviousEnc: null, secretPreviousExpiresAt: null, headersEnc: null,
        failureStreak: Number(row.failure_streak), breakerOpenUntil: date(row.breaker_open_until), breakerOpenedAt: date(row.breaker_opened_at), rate: null,
      },
    };
  }

  const attempt = (outcome: 'success' | 'http-status') => ({ outcome }) as AttemptRecord;
  const fail = async (times: number) => {
    for (let i = 0; i < times; i += 1) await health.report(await item(), attempt('http-status'));
  };
  const openUntil = async () => (await item()).subscription!.breakerOpenUntil?.getTime() ?? null;

  it('stays closed through a burst of first attempts that all failed within the same second', async () => {
    await fail(50);
    clock.advance(900);
    await fail(50);
    expect(await openUntil()).toBeNull();
    expect(events).toEqual([]);
  });

  it('opens once the failures have gone on for openAfterMs without a success, with the first probe 5 s later', async () => {
    await fail(10);
    clock.advance(10 * SECOND);
    await fail(1);
    expect(await openUntil()).toBe(clock.now().getTime() + 5 * SECOND);
    expect(events.map((e) => e.name)).toEqual(['endpoint.failing']);
  });

  it('lets one probe through at a time, after 5 s, then at gaps of 5, 10, 20 s … capped at probeIntervalMs', async () => {
    await fail(10);
    clock.advance(10 * SECOND);
    await fail(1);
    const openedAt = clock.now().getTime();
    const gaps: number[] = [];
    let last = openedAt;
    clock.advance(4_900);
    expect(await health.gate('sub_a', (await item()).subscription!)).toEqual({ send: false, until: new Date(openedAt + 5 * SECOND) });
    for (let probe = 0; probe < 6; probe += 1) {
      const due = (await openUntil())!;
      clock.set(due);
      const snapshot = (await item()).subscription!;
      expect(await health.gate('sub_a', snapshot)).toEqual({ send: true });
      // Another worker holding the same snapshot loses the race and waits for the next probe.
      expect((await health.gate('sub_a', snapshot)).send).toBe(false);
      await health.report(await item(), attempt('http-status'));
      gaps.push(due - last);
      last = due;
    }
    expect(gaps).toEqual([5, 5, 10, 20, 30, 30].map((s) => s * SECOND));
  });

  it('closes on a good probe, says so, and tells the worker to restart the endpoint low', async () => {
    await fail(10);
    clock.advance(10 * SECOND);
    await fail(1);
    clock.advance(5 * SECOND);
    expect(await health.gate('sub_a', (await item()).subscription!)).toEqual({ send: true });
    expect(await health.report(await item(), attempt('success'))).toBe(true);
    expect(await openUntil()).toBeNull();
    expect((await item()).subscription!.failureStreak).toBe(0);
    expect(events.map((e) => e.name)).toEqual(['endpoint.failing', 'endpoint.recovered']);
    // A success on a closed circuit changes nothing and costs no write.
    expect(await health.report(await item(), attempt('success'))).toBe(false);
  });
});
