import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, points, text, tier, timestamp } from './schema-parts';

const group = 'customers';
const customerFields = {
  customer_id: customerId,
  email: text,
  first_name: text,
  last_name: text,
  points_balance: points,
  tier,
};

/** Customer lifecycle events (Loyali, LoyalPro). */
export const customerEvents: EventTypeDefinition[] = [
  {
    name: 'customer.created',
    group,
    description: 'A new customer was enrolled in the loyalty program.',
    schema: objectSchema(['customer_id'], { ...customerFields, created_at: timestamp }),
    example: {
      customer_id: 'cust_abc123',
      email: 'alex@example.com',
      first_name: 'Alex',
      last_name: 'Rivera',
      points_balance: 0,
      created_at: '2024-01-20T14:30:00Z',
    },
  },
  {
    name: 'customer.updated',
    group,
    description: "A customer's profile details changed.",
    schema: objectSchema(['customer_id'], {
      ...customerFields,
      updated_fields: { type: 'array', items: text },
      updated_at: timestamp,
    }),
    example: {
      customer_id: 'cust_abc123',
      email: 'alex.rivera@example.com',
      updated_fields: ['email'],
      updated_at: '2024-01-21T09:12:00Z',
    },
  },
  {
    name: 'customer.deleted',
    group,
    description: 'A customer was removed from the loyalty program.',
    schema: objectSchema(['customer_id'], { customer_id: customerId, deleted_at: timestamp }),
    example: { customer_id: 'cust_abc123', deleted_at: '2024-03-02T08:00:00Z' },
  },
];
