import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, text, timestamp } from './schema-parts';

const group = 'alerts';
const riskScore = { type: 'number', minimum: 0 };

/** Risk signals about a customer (LoyalPro). */
export const alertEvents: EventTypeDefinition[] = [
  {
    name: 'fraud.detected',
    group,
    description: 'Suspicious activity was detected on a customer account.',
    schema: objectSchema(['customer_id'], { customer_id: customerId, risk_score: riskScore, reason: text, detected_at: timestamp }),
    example: {
      customer_id: 'cust_abc123',
      risk_score: 0.91,
      reason: 'Points earned from 14 orders in 10 minutes',
      detected_at: '2024-02-03T22:41:00Z',
    },
  },
  {
    name: 'churn.risk',
    group,
    description: 'A customer was flagged as at risk of churning.',
    schema: objectSchema(['customer_id'], {
      customer_id: customerId,
      risk_score: riskScore,
      days_inactive: { type: 'integer', minimum: 0 },
      last_activity_at: timestamp,
    }),
    example: { customer_id: 'cust_abc123', risk_score: 0.82, days_inactive: 94, last_activity_at: '2024-01-01T10:00:00Z' },
  },
];
