import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, money, objectSchema, points, text } from './schema-parts';

const group = 'transactions';
const transaction = objectSchema(['transaction_id', 'customer_id'], {
  transaction_id: text,
  customer_id: customerId,
  amount: money,
  currency: text,
  points_earned: points,
  points_deducted: points,
});

/** Purchases recorded by the program (LoyalPro). */
export const transactionEvents: EventTypeDefinition[] = [
  {
    name: 'transaction.completed',
    group,
    description: 'A purchase was recorded for a customer.',
    schema: transaction,
    example: {
      transaction_id: 'txn_5501',
      customer_id: 'cust_abc123',
      amount: 89.99,
      currency: 'USD',
      points_earned: 90,
    },
  },
  {
    name: 'transaction.refunded',
    group,
    description: 'A recorded purchase was refunded and its points reversed.',
    schema: transaction,
    example: {
      transaction_id: 'txn_5501',
      customer_id: 'cust_abc123',
      amount: 89.99,
      currency: 'USD',
      points_deducted: 90,
    },
  },
];
