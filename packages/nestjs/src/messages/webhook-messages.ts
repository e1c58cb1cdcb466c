import type { DataSource, Repository } from 'typeorm';
import { toDeliveryView } from '../deliveries/delivery-view';
import { WebhookDeliveryEntity } from '../storage/webhook-delivery.entity';
import { WebhookMessageEntity } from '../storage/webhook-message.entity';
import type { TenantScope } from '../subscriptions/subscription-input';
import { MessageNotFoundError } from './message-errors';
import { toMessageView, type MessageWithDeliveries } from './message-view';

/** Published events: what was sent, and to whom. */
export class WebhookMessages {
  private readonly messages: Repository<WebhookMessageEntity>;
  private readonly deliveries: Repository<WebhookDeliveryEntity>;

  constructor(deps: { dataSource: DataSource }) {
    this.messages = deps.dataSource.getRepository(WebhookMessageEntity);
    this.deliveries = deps.dataSource.getRepository(WebhookDeliveryEntity);
  }

  /** One message with every delivery it fanned out to, oldest first. */
  async get(id: string, scope: TenantScope = {}): Promise<MessageWithDeliveries> {
    const row = typeof id === 'string' ? await this.messages.findOneBy({ id }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new MessageNotFoundError(`No message ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    const deliveries = await this.deliveries.find({ where: { messageId: row.id }, order: { id: 'ASC' } });
    return { ...toMessageView(row), deliveries: deliveries.map(toDeliveryView) };
  }
}
