import type { EventTypeDefinition } from '../event-type-definition';
import { money, objectSchema, points, text, timestamp } from './schema-parts';

const group = 'cashback';
const cashback = objectSchema(['user_id', 'redemption_id'], {
  user_id: text,
  redemption_id: text,
  points,
  amount: money,
  currency: text,
  status: text,
  reason: text,
  points_refunded: points,
  processed_at: timestamp,
});
const redeemed = {
  user_id: 'usr_abc123',
  redemption_id: 'cbr_7f3k2m',
  points: 1000,
  amount: 10,
  currency: 'GHS',
  status: 'pending',
};

/** mgPass cashback redemptions, from request to payout, failure or admin decision. */
export const cashbackEvents: EventTypeDefinition[] = [
  {
    name: 'cashback.redeemed',
    description: 'A user started a cashback redemption.',
    example: redeemed,
  },
  {
    name: 'cashback.processed',
    description: 'A cashback payment was delivered.',
    example: { ...redeemed, status: 'processed', processed_at: '2025-01-15T10:35:00.000Z' },
  },
  {
    name: 'cashback.rejected',
    description: 'A cashback payment failed and its points were refunded.',
    example: { ...redeemed, status: 'rejected', reason: 'Mobile money account not found', points_refunded: 1000 },
  },
  {
    name: 'cashback.redemption_completed',
    description: 'An admin approved a cashback redemption.',
    example: { ...redeemed, status: 'completed' },
  },
  {
    name: 'cashback.redemption_cancelled',
    description: 'An admin rejected a cashback redemption.',
    example: { ...redeemed, status: 'cancelled', reason: 'Duplicate request', points_refunded: 1000 },
  },
].map((definition) => ({ ...definition, group, schema: cashback }));
