import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, points, text, timestamp } from './schema-parts';

const group = 'points';
// Loyali calls the points moved `amount`; other senders use `points`. Both are typed, neither
// is required, so one `points.*` definition serves Mage, Loyali and LoyalPro alike.
const movement = {
  customer_id: customerId,
  amount: points,
  points,
  new_balance: points,
  reason: text,
};

/** Points balance events (Mage, Loyali, LoyalPro) and mgPass's `rewards.points_awarded`. */
export const pointsEvents: EventTypeDefinition[] = [
  {
    name: 'points.earned',
    group,
    description: 'Points were awarded to a customer (for a purchase, an action or directly).',
    schema: objectSchema(['customer_id'], movement),
    example: { customer_id: 'cust_abc123', amount: 150, new_balance: 2350, reason: 'Purchase - Order #12345' },
  },
  {
    name: 'points.redeemed',
    group,
    description: 'A customer spent points on a reward.',
    schema: objectSchema(['customer_id'], { ...movement, redemption_id: text }),
    example: {
      customer_id: 'cust_abc123',
      amount: 2500,
      new_balance: 0,
      reason: '$25 Gift Card',
      redemption_id: 'red_xyz789',
    },
  },
  {
    name: 'points.expired',
    group,
    description: "Some of a customer's points expired due to inactivity.",
    schema: objectSchema(['customer_id'], { ...movement, expired_at: timestamp }),
    example: { customer_id: 'cust_abc123', amount: 300, new_balance: 2050, expired_at: '2024-06-30T00:00:00Z' },
  },
  {
    name: 'points.adjusted',
    group,
    description: "A customer's points balance was adjusted manually; `amount` is negative for a deduction.",
    schema: objectSchema(['customer_id'], { ...movement, adjusted_by: text }),
    example: {
      customer_id: 'cust_abc123',
      amount: -200,
      new_balance: 2150,
      reason: 'Goodwill correction',
      adjusted_by: 'support@example.com',
    },
  },
  {
    name: 'rewards.points_awarded',
    group,
    description: 'Points were credited to a user (mgPass).',
    schema: objectSchema(['user_id', 'points'], { user_id: text, points, event_type: text, platform: text }),
    example: { user_id: 'usr_abc123', points: 150, event_type: 'purchase', platform: '3news' },
  },
];
