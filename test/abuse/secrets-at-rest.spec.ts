import { createHash } from 'node:crypto';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';

const BUILTIN_PROFILES = ['standard', 'mage', 'loyali', 'loyalpro', 'mgpass'];

/** Every way a secret's text could sit in a column: as given, without its prefix, or its bytes re-encoded. */
function plaintextForms(secret: string, prefix: RegExp): string[] {
  const body = secret.replace(prefix, '');
  const forms = [secret, body];
  for (const encoding of ['base64', 'base64url', 'hex'] as const) {
    const bytes = Buffer.from(body, encoding);
    if (bytes.length >= 16) forms.push(bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url'));
  }
  return [...new Set(forms)].filter((form) => form.length >= 16);
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('secrets and API keys at rest on %s', (_name, makeDriver) => {
  let t: ApiTestApp;
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createApiTestApp(driver)));
  const allRows = async (table: string): Promise<string[]> =>
    ((await t.dataSource.query(`SELECT * FROM ${table}`)) as Record<string, unknown>[]).map((row) => JSON.stringify(row));

  it('stores no subscription secret, of any profile, current or previous, in any column of any table', async () => {
    const { tenant, write } = await t.tenant();
    const secrets: string[] = [];
    for (const profile of BUILTIN_PROFILES) {
      const created = await write.post('/webhook-subscriptions', { url: receiver.url(`/${profile}`), events: ['*'], profile });
      expect(created.status).toBe(201);
      secrets.push(created.body.data.attributes.secret);
      const rotated = await write.post(`/webhook-subscriptions/${created.body.data.id}/rotate-secret`, { grace_seconds: 3600 });
      secrets.push(rotated.body.data.attributes.secret);
    }
    // Signed deliveries and their attempts are stored too: the secrets must not reach them either.
    await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 1, new_balance: 1 }, { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === BUILTIN_PROFILES.length);

    const subscriptionRows = await allRows('webhook_subscription');
    expect(subscriptionRows.length).toBeGreaterThanOrEqual(BUILTIN_PROFILES.length);
    const everything = [...subscriptionRows, ...(await allRows('webhook_delivery')), ...(await allRows('webhook_attempt')), ...(await allRows('webhook_message'))];
    for (const secret of secrets) {
      for (const form of plaintextForms(secret, /^whsec_/)) {
        expect(everything.filter((row) => row.includes(form))).toEqual([]);
      }
    }
  });

  it("stores no subscription header's name or value in any column of any table, delivered or not", async () => {
    const { tenant, write } = await t.tenant();
    const value = 'sk_live_header_value_9f8e7d6c5b4a';
    const created = await write.post('/webhook-subscriptions', { url: receiver.url('/headers'), events: ['*'], headers: { 'X-Partner-Credential': value } });
    expect(created.status).toBe(201);
    await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 1, new_balance: 1 }, { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
    const everything = [...(await allRows('webhook_subscription')), ...(await allRows('webhook_delivery')), ...(await allRows('webhook_attempt')), ...(await allRows('webhook_message'))];
    for (const form of [value, 'X-Partner-Credential', Buffer.from(value).toString('base64'), Buffer.from(value).toString('hex')]) {
      expect(everything.filter((row) => row.includes(form))).toEqual([]);
    }
  });

  it('stores only a SHA-256 hash and a short display prefix of each API key, revoked or not', async () => {
    const tenant = `keys-${Math.random().toString(36).slice(2, 8)}`;
    const keys = [
      await t.apiKeys.create({ tenant, scope: 'write', name: 'ci' }),
      await t.apiKeys.create({ tenant, scope: 'read' }),
      await t.apiKeys.create({ tenant, scope: 'write', name: 'to revoke' }),
    ];
    await t.apiKeys.revoke(keys[2].id, { tenant });
    // A key that has been used gets last_used_at written: still no key in the row.
    expect((await t.api.as(keys[0].key).get('/event-types')).status).toBe(200);

    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM webhook_api_key');
    const text = rows.map((row) => JSON.stringify(row));
    for (const { id, key } of keys) {
      for (const form of plaintextForms(key, /^hlk_/)) expect(text.filter((row) => row.includes(form))).toEqual([]);
      const row = rows.find((r) => r.id === id)!;
      expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(String(row.key_prefix).length).toBeLessThanOrEqual(12);
      expect(key.startsWith(String(row.key_prefix))).toBe(true);
    }
  });
});
