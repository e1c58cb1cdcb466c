import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'examples', 'nest-receiver', 'points-from-orders.module.ts');

describe('README: handling each webhook once (examples/nest-receiver/points-from-orders)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    process.env.SHOPIFY_CLIENT_SECRET = 'shpss_once_example';
    process.env.LOYALTY_DB = ':memory:';
    const { PointsFromOrdersModule } = await import('../../examples/nest-receiver/points-from-orders.module');
    app = await NestFactory.create(PointsFromOrdersModule, { rawBody: true, logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/webhooks/orders-paid`;
  });

  afterAll(() => app?.close());

  it('is embedded in the README as it is here', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(readFileSync(EXAMPLE, 'utf8').trim());
  });

  it('credits an order once however often Shopify delivers it, copies at the same moment included', async () => {
    const body = JSON.stringify({ id: 820982911946154500, total_price: '149.90', customer: { id: 115310627314723950 } });
    const headers = {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': createHmac('sha256', 'shpss_once_example').update(body).digest('base64'),
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    };
    const deliver = () => fetch(url, { method: 'POST', headers, body }).then(async (r) => [r.status, (await r.json()) as { received?: boolean; duplicate?: boolean }] as const);
    const answers = [...(await Promise.all([deliver(), deliver(), deliver()])), await deliver()];
    expect(answers.map(([status]) => status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter(([, b]) => b.received === true)).toHaveLength(1);
    expect(answers.filter(([, b]) => b.duplicate === true)).toHaveLength(3);
    const rows = await app.get(DataSource).query('SELECT orderId, points FROM points_entry');
    expect(rows).toEqual([{ orderId: '820982911946154500', points: 149 }]);
  });
});
