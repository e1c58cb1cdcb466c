import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, points, text } from './schema-parts';

const group = 'engagement';

/** Achievements and referrals: customer milestones beyond plain points. */
export const engagementEvents: EventTypeDefinition[] = [
  {
    name: 'achievement.earned',
    group,
    description: 'A customer earned an achievement badge (Loyali).',
    schema: objectSchema(['customer_id', 'achievement'], {
      customer_id: customerId,
      achievement: objectSchema([], { id: text, name: text }),
      points_awarded: points,
    }),
    example: {
      customer_id: 'cust_abc123',
      achievement: { id: 'ach_first_purchase', name: 'First Purchase' },
      points_awarded: 50,
    },
  },
  {
    name: 'referral.completed',
    group,
    description: 'A referred friend completed a qualifying action, rewarding the referrer.',
    schema: objectSchema(['referrer_customer_id', 'referred_customer_id'], {
      referrer_customer_id: customerId,
      referred_customer_id: customerId,
      points_awarded: points,
    }),
    example: { referrer_customer_id: 'cust_abc123', referred_customer_id: 'cust_def456', points_awarded: 500 },
  },
];
