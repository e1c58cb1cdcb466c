import type { EventTypeDefinition } from '../event-type-definition';
import { objectSchema, points, text } from './schema-parts';

const group = 'program';

/** Changes to the loyalty program itself: rules, catalog items, partners, rewards. */
export const programEvents: EventTypeDefinition[] = [
  {
    name: 'rewards.rule_created',
    group,
    description: 'A points rule was created (mgPass).',
    schema: objectSchema(['rule_id'], { rule_id: text, name: text, event_type: text, points }),
    example: { rule_id: 'rule_9x2', name: 'Article read', event_type: 'article_read', points: 5 },
  },
  {
    name: 'rewards.catalog_created',
    group,
    description: 'An item was added to the rewards catalog (mgPass).',
    schema: objectSchema(['item_id'], { item_id: text, name: text, points_cost: points }),
    example: { item_id: 'cat_data_bundle_1gb', name: '1GB Data Bundle', points_cost: 500 },
  },
  {
    name: 'rewards.partner_created',
    group,
    description: 'A new partner was onboarded (mgPass).',
    schema: objectSchema(['partner_id'], { partner_id: text, name: text }),
    example: { partner_id: 'ptn_4k8', name: 'Accra Coffee Co.' },
  },
  {
    name: 'reward.created',
    group,
    description: 'A reward customers can redeem points for was created.',
    schema: objectSchema(['reward_id'], { reward_id: text, title: text, type: text, points_cost: points }),
    example: { reward_id: 'rwd_gift_25', title: '$25 Gift Card', type: 'digital', points_cost: 2500 },
  },
];
