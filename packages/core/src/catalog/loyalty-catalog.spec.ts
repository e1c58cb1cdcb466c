import { loyaltyCatalog } from './loyalty-catalog';

const seedEvents = {
  mage: ['points.earned', 'points.redeemed', 'customer.tier_upgrade', 'customer.tier_downgrade', 'test'],
  loyali: [
    'customer.created',
    'customer.updated',
    'points.earned',
    'points.redeemed',
    'points.expired',
    'points.adjusted',
    'tier.upgraded',
    'tier.downgraded',
    'redemption.created',
    'redemption.pending',
    'redemption.approved',
    'redemption.fulfilled',
    'redemption.rejected',
    'redemption.cancelled',
    'achievement.earned',
  ],
  loyalpro: [
    'customer.created',
    'customer.updated',
    'customer.deleted',
    'customer.tier_changed',
    'points.earned',
    'points.redeemed',
    'points.expired',
    'points.adjusted',
    'transaction.completed',
    'transaction.refunded',
    'fraud.detected',
    'churn.risk',
  ],
  mgpass: [
    'rewards.points_awarded',
    'rewards.tier_promoted',
    'rewards.redeemed',
    'cashback.redeemed',
    'cashback.processed',
    'cashback.rejected',
    'cashback.redemption_completed',
    'cashback.redemption_cancelled',
    'rewards.rule_created',
    'rewards.catalog_created',
    'rewards.partner_created',
  ],
  hookline: ['webhook.test', 'reward.created', 'referral.completed'],
};

describe('loyaltyCatalog', () => {
  const catalog = loyaltyCatalog();

  it.each(Object.entries(seedEvents))('contains every %s event', (_platform, names) => {
    expect(names.filter((name) => !catalog.has(name))).toEqual([]);
  });

  it('gives every type a description, a group, a schema and an example that passes it', () => {
    for (const definition of catalog.list()) {
      expect(definition).toMatchObject({ description: expect.any(String), group: expect.any(String) });
      expect(definition.schema).toBeDefined();
      expect(() => catalog.assertPublishable(definition.name, definition.example)).not.toThrow();
    }
  });

  it("accepts each platform's points.earned payload under the one definition", () => {
    const loyali = { customer_id: 'cust_abc123', amount: 150, new_balance: 2350, reason: 'Purchase - Order #12345' };
    const shopify = { customer_id: 7364829184, points: 50, balance: 1250, source: 'order' };
    expect(() => catalog.assertPublishable('points.earned', loyali)).not.toThrow();
    expect(() => catalog.assertPublishable('points.earned', shopify)).not.toThrow();
  });

  it('accepts the seed payloads that the platforms publish', () => {
    const examples: [string, unknown][] = [
      ['rewards.points_awarded', { user_id: 'usr_abc123', points: 150, event_type: 'purchase', platform: '3news' }],
      [
        'tier.upgraded',
        {
          customer_id: 'cust_abc123',
          customer_email: 'alex@example.com',
          previous_tier: { name: 'Silver', id: 'tier_silver' },
          new_tier: { name: 'Gold', id: 'tier_gold' },
        },
      ],
      [
        'redemption.created',
        {
          redemption_id: 'red_xyz789',
          customer_id: 'cust_abc123',
          reward: { title: '$25 Gift Card', type: 'digital' },
          points_spent: 2500,
          status: 'pending',
        },
      ],
    ];
    for (const [type, data] of examples) expect(() => catalog.assertPublishable(type, data)).not.toThrow();
  });

  it('still checks the common fields', () => {
    expect(() => catalog.assertPublishable('points.earned', { amount: 5 })).toThrow(/\/data\/customer_id is required/);
    expect(() => catalog.assertPublishable('points.earned', { customer_id: 'c', amount: 'ten' })).toThrow(
      /\/data\/amount must be integer/,
    );
  });

  it('returns a new catalog each time', () => {
    loyaltyCatalog().register({ name: 'custom.event', description: 'Local only.' });
    expect(loyaltyCatalog().has('custom.event')).toBe(false);
  });
});
