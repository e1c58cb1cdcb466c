import { Injectable } from '@nestjs/common';
import { WebhookPublisher } from '@hookline/nestjs';

/** The host code under test: awarding points tells the shop's subscribers. */
@Injectable()
export class PointsService {
  constructor(private readonly publisher: WebhookPublisher) {}

  async award(shop: string, customerId: string, amount: number): Promise<void> {
    await this.publisher.publish('points.earned', { customer_id: customerId, amount }, { tenant: shop });
  }
}
