import type { EventTypeDefinition } from '../event-type-definition';
import { customerId, objectSchema, text, tier } from './schema-parts';

const group = 'tiers';
const tierChange = objectSchema(['customer_id', 'new_tier'], {
  customer_id: customerId,
  customer_email: text,
  previous_tier: tier,
  new_tier: tier,
});
const upgrade = {
  customer_id: 'cust_abc123',
  customer_email: 'alex@example.com',
  previous_tier: { name: 'Silver', id: 'tier_silver' },
  new_tier: { name: 'Gold', id: 'tier_gold' },
};
const downgrade = { ...upgrade, previous_tier: upgrade.new_tier, new_tier: upgrade.previous_tier };

/** Tier (VIP level) moves; each platform names them differently, so all spellings are kept. */
export const tierEvents: EventTypeDefinition[] = [
  {
    name: 'customer.tier_upgrade',
    group,
    description: 'A customer moved up to a higher VIP tier (Mage).',
    schema: tierChange,
    example: { customer_id: 7364829184, customer_email: 'alex@example.com', previous_tier: 'Silver', new_tier: 'Gold' },
  },
  {
    name: 'customer.tier_downgrade',
    group,
    description: 'A customer moved down to a lower VIP tier (Mage).',
    schema: tierChange,
    example: { customer_id: 7364829184, customer_email: 'alex@example.com', previous_tier: 'Gold', new_tier: 'Silver' },
  },
  {
    name: 'customer.tier_changed',
    group,
    description: "A customer's tier changed, up or down (LoyalPro).",
    schema: tierChange,
    example: upgrade,
  },
  { name: 'tier.upgraded', group, description: 'A customer moved up a tier (Loyali).', schema: tierChange, example: upgrade },
  {
    name: 'tier.downgraded',
    group,
    description: 'A customer moved down a tier (Loyali).',
    schema: tierChange,
    example: downgrade,
  },
  {
    name: 'rewards.tier_promoted',
    group,
    description: 'A user was promoted to a higher tier (mgPass).',
    schema: objectSchema(['user_id', 'new_tier'], { user_id: text, previous_tier: tier, new_tier: tier, platform: text }),
    example: { user_id: 'usr_abc123', previous_tier: 'silver', new_tier: 'gold', platform: '3news' },
  },
];
