import { sqliteInProcess } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { createTestApp } from '../support/test-app';

describe('payload redaction', () => {
  it('masks sensitive fields where people read messages, while the receiver gets the data as published', async () => {
    const receiver = await new TestReceiver().start();
    const t = await createTestApp(sqliteInProcess(), {
      redactPayload: (_type, data) => ({ ...(data as object), email: '***' }),
    });
    try {
      await t.subscriptions.create({ tenant: 'r', url: receiver.url(), events: ['*'] });
      const { messageId } = await t.publisher.publish('customer.created', { customer_id: 'c1', email: 'ada@example.com' }, { tenant: 'r' });
      await receiver.waitFor(1);
      expect(JSON.parse(receiver.requests[0].body).data.email).toBe('ada@example.com');
      await eventually(async () => (await t.deliveries.list({ tenant: 'r' })).data[0]?.status === 'delivered');
      const message = await t.runtime.messages.get(messageId, { tenant: 'r' });
      expect(message.data).toEqual({ customer_id: 'c1', email: '***' });
    } finally {
      await t.close();
      await receiver.stop();
    }
  });
});
