import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VerifyWebhook, WebhookEvent, WebhookReceiverModule, type ReceivedWebhook } from '@hookline/nestjs';

@Entity('points_entry')
export class PointsEntry {
  @PrimaryColumn({ type: 'varchar', length: 64 }) orderId!: string;
  @Column({ type: 'varchar', length: 64 }) customerId!: string;
  @Column({ type: 'integer' }) points!: number;
}

@Controller('webhooks')
export class ShopOrdersController {
  @Post('orders-paid')
  @HttpCode(200)
  // Once per X-Shopify-Webhook-Id: a redelivery, or a copy arriving meanwhile, answers 200 unhandled.
  @VerifyWebhook('shop', { once: true })
  async orderPaid(@WebhookEvent() { event, manager }: ReceivedWebhook) {
    const order = event as { id: number; total_price: string; customer: { id: number } };
    // Written in the inbox's transaction: the points and the webhook's id commit together, or neither does.
    await manager!.insert(PointsEntry, { orderId: String(order.id), customerId: String(order.customer.id), points: Math.floor(Number(order.total_price)) });
    return { received: true };
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'better-sqlite3', database: process.env.LOYALTY_DB ?? 'loyalty.sqlite', autoLoadEntities: true, synchronize: true }),
    TypeOrmModule.forFeature([PointsEntry]),
    WebhookReceiverModule.forRoot({
      senders: { shop: { scheme: 'shopify', secrets: [process.env.SHOPIFY_CLIENT_SECRET ?? ''] } },
      // Received ids go to table webhook_inbox on the default DataSource (`inbox: { dataSource }` for another), kept 30 days.
      inbox: true,
    }),
  ],
  controllers: [ShopOrdersController],
})
export class PointsFromOrdersModule {}
