import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, points, text } from './schema-parts';

const group = 'redemptions';
const redemption = objectSchema(['redemption_id', 'customer_id'], {
  redemption_id: text,
  customer_id: customerId,
  reward: objectSchema([], { title: text, type: text }),
  points_spent: points,
  status: text,
  reason: text,
});
const created = {
  redemption_id: 'red_xyz789',
  customer_id: 'cust_abc123',
  reward: { title: '$25 Gift Card', type: 'digital' },
  points_spent: 2500,
  status: 'pending',
};

// Loyali's redemption lifecycle: every step carries the same redemption, in a new status.
const lifecycle: [status: string, description: string, extra?: Record<string, unknown>][] = [
  ['pending', 'A redemption is awaiting approval.'],
  ['approved', 'A redemption was approved.'],
  ['fulfilled', 'A redeemed reward was delivered to the customer.'],
  ['rejected', 'A redemption was rejected.', { reason: 'Reward out of stock' }],
  ['cancelled', 'A redemption was cancelled and its points refunded.', { reason: 'Cancelled by customer' }],
];

/** Reward redemptions (Loyali's lifecycle, mgPass's `rewards.redeemed`). */
export const redemptionEvents: EventTypeDefinition[] = [
  {
    name: 'redemption.created',
    group,
    description: 'A customer redeemed a reward.',
    schema: redemption,
    example: created,
  },
  ...lifecycle.map(([status, description, extra]) => ({
    name: `redemption.${status}`,
    group,
    description,
    schema: redemption,
    example: { ...created, status, ...extra },
  })),
  {
    name: 'rewards.redeemed',
    group,
    description: 'A user redeemed a catalog item (mgPass).',
    schema: objectSchema(['user_id'], { user_id: text, catalog_item_id: text, item_name: text, points, platform: text }),
    example: {
      user_id: 'usr_abc123',
      catalog_item_id: 'cat_data_bundle_1gb',
      item_name: '1GB Data Bundle',
      points: 500,
      platform: '3news',
    },
  },
];
