import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { REWARDS, TIERS } from './catalog';
import { LoyaltyService } from './loyalty.service';

/** The demo backend's own API: what a shop's storefront would call. No auth: it is a demo. */
@Controller('shops/:shop')
export class LoyaltyController {
  constructor(private readonly loyalty: LoyaltyService) {}

  @Get('program')
  program() {
    return { tiers: TIERS, rewards: REWARDS };
  }

  @Get('customers')
  list(@Param('shop') shop: string) {
    return this.loyalty.list(shop);
  }

  @Post('customers')
  enroll(@Param('shop') shop: string, @Body('email') email: string) {
    return this.loyalty.enroll(shop, String(email ?? `guest-${Date.now()}@example.com`));
  }

  @Get('customers/:id')
  get(@Param('shop') shop: string, @Param('id') id: string) {
    return this.loyalty.get(shop, id);
  }

  @Post('customers/:id/earn')
  earn(@Param('shop') shop: string, @Param('id') id: string, @Body('amount', ParseIntPipe) amount: number, @Body('reason') reason?: string) {
    return this.loyalty.earn(shop, id, amount, reason ?? 'Purchase');
  }

  @Post('customers/:id/deduct')
  deduct(@Param('shop') shop: string, @Param('id') id: string, @Body('amount', ParseIntPipe) amount: number, @Body('reason') reason?: string) {
    return this.loyalty.deduct(shop, id, amount, reason ?? 'Refund');
  }

  @Post('customers/:id/redeem')
  redeem(@Param('shop') shop: string, @Param('id') id: string, @Body('reward_id') rewardId: string) {
    return this.loyalty.redeem(shop, id, rewardId);
  }
}
