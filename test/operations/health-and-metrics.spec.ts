import { ManualClock } from '@hookline/core';
import { sqliteInProcess } from '../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import request from 'supertest';
import { eventually, TestReceiver } from '../support/receiver';

const metricValue = (text: string, name: string, labels = ''): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').pop()) : NaN;
};

describe('health and metrics endpoints', () => {
  const clock = new ManualClock(Date.now());
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess(), {
      clock,
      worker: { enabled: false },
      sweeper: { enabled: true, intervalMs: 1_000 },
      api: { metrics: { token: 'scrape-me' } },
    });
  });

  afterAll(() => t?.close());

  const server = () => t.app.getHttpServer();

  it('reports database, queue and sweeper up, with their details to the metrics token', async () => {
    const response = await request(server()).get('/v1/health').set('authorization', 'Bearer scrape-me');
    expect(response.status).toBe(200);
    expect(response.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', driver: 'in-process' }, sweeper: { status: 'up' } });
    expect(response.body.info.queue).toHaveProperty('waiting');
  });

  it('tells anyone else only which checks are up', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token']) {
      const call = request(server()).get('/v1/health');
      const response = await (authorization ? call.set('authorization', authorization) : call);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        info: { database: { status: 'up' }, queue: { status: 'up' }, sweeper: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, queue: { status: 'up' }, sweeper: { status: 'up' } },
      });
    }
  });

  it('refuses metrics without the scrape token', async () => {
    expect((await request(server()).get('/v1/metrics')).status).toBe(401);
    expect((await request(server()).get('/v1/metrics').set('authorization', 'Bearer wrong-token')).status).toBe(401);
    const scraped = await request(server()).get('/v1/metrics').set('authorization', 'Bearer scrape-me');
    expect(scraped.status).toBe(200);
    expect(scraped.headers['x-powered-by']).toBeUndefined();
  });

  it('shows the due backlog and its age growing while no worker runs', async () => {
    const scrape = async () => (await request(server()).get('/v1/metrics').set('authorization', 'Bearer scrape-me')).text;
    const before = await scrape();
    expect(before).toContain('# TYPE hookline_attempts_total counter');
    expect(metricValue(before, 'hookline_deliveries_due')).toBe(0);
    await t.subscriptions.create({ tenant: 'm', url: 'https://example.com/hook', events: ['*'] });
    await t.publisher.publishMany([1, 2, 3].map((i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: i }, tenant: 'm' })));
    clock.advance(30_000);
    const after = await scrape();
    expect(metricValue(after, 'hookline_deliveries_due')).toBe(3);
    expect(metricValue(after, 'hookline_deliveries_pending')).toBe(3);
    expect(metricValue(after, 'hookline_oldest_due_delivery_age_seconds')).toBeGreaterThanOrEqual(30);
    expect(metricValue(after, 'hookline_messages_published_total', '{event_type="points.earned"}')).toBe(3);
  });

  it('turns unhealthy (503) when the sweeper has not run for several intervals', async () => {
    await t.runtime.sweeper.stop();
    clock.advance(60_000);
    const response = await request(server()).get('/v1/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'error', error: { sweeper: { status: 'down' } } });
    const detailed = await request(server()).get('/v1/health').set('authorization', 'Bearer scrape-me');
    expect(detailed.body.error.sweeper).toMatchObject({ status: 'down', enabled: true });
    expect(detailed.body.error.sweeper.age_ms).toBeGreaterThanOrEqual(60_000);
  });
});

describe('attempt metrics', () => {
  it('count attempts by outcome and deliveries by final state as they happen', async () => {
    const receiver = await new TestReceiver().start();
    receiver.respond = (_request, index) => (index === 0 ? { status: 503 } : { status: 200 });
    const t = await createApiTestApp(sqliteInProcess(), { retry: { schedule: [50], jitter: 0 }, api: { metrics: true } });
    try {
      await t.subscriptions.create({ tenant: 'am', url: receiver.url(), events: ['*'] });
      await t.publisher.publish('points.earned', { customer_id: 'c', amount: 1 }, { tenant: 'am' });
      await eventually(async () => (await t.deliveries.list({ tenant: 'am', status: 'delivered' })).data.length === 1);
      const text = (await request(t.app.getHttpServer()).get('/v1/metrics')).text;
      expect(metricValue(text, 'hookline_attempts_total', '{event_type="points.earned",outcome="http-status"}')).toBe(1);
      expect(metricValue(text, 'hookline_attempts_total', '{event_type="points.earned",outcome="success"}')).toBe(1);
      expect(metricValue(text, 'hookline_deliveries_finished_total', '{event_type="points.earned",status="delivered"}')).toBe(1);
      expect(metricValue(text, 'hookline_attempt_duration_seconds_count', '{outcome="success"}')).toBe(1);
    } finally {
      await t.close();
      await receiver.stop();
    }
  });
});
