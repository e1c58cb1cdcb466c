/** The demo program's tiers, by lifetime points, lowest first. */
export const TIERS = [
  { id: 'tier_bronze', name: 'Bronze', minimum: 0 },
  { id: 'tier_silver', name: 'Silver', minimum: 1_000 },
  { id: 'tier_gold', name: 'Gold', minimum: 5_000 },
  { id: 'tier_platinum', name: 'Platinum', minimum: 20_000 },
] as const;

export type Tier = (typeof TIERS)[number];

export function tierFor(lifetimePoints: number): Tier {
  return [...TIERS].reverse().find((tier) => lifetimePoints >= tier.minimum)!;
}

export const REWARDS = [
  { id: 'rwd_coffee', title: 'Free coffee', type: 'physical', cost: 300 },
  { id: 'rwd_giftcard_25', title: '$25 Gift Card', type: 'digital', cost: 2_500 },
  { id: 'rwd_shipping', title: 'Free shipping', type: 'digital', cost: 500 },
] as const;
