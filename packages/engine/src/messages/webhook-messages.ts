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

  constructor(private readonly deps: { dataSource: DataSource; redact?: (eventType: string, data: unknown) => unknown }) {
    // By class name: a MySQL DataSource holds the LONGTEXT class of the entity, a placed one a subclass; both keep the name.
    this.messages = deps.dataSource.getRepository<WebhookMessageEntity>(WebhookMessageEntity.name);
    this.deliveries = deps.dataSource.getRepository<WebhookDeliveryEntity>(WebhookDeliveryEntity.name);
  }

  /** One message with every delivery it fanned out to, oldest first. */
  async get(id: string, scope: TenantScope = {}): Promise<MessageWithDeliveries> {
    const row = typeof id === 'string' ? await this.messages.findOneBy({ id }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new MessageNotFoundError(`No message ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    const deliveries = await this.deliveries.find({ where: { messageId: row.id }, order: { id: 'ASC' } });
    const view = toMessageView(row);
    // Receivers get the data as published; people reading the log get it through the host's redaction.
    const data = this.deps.redact ? this.deps.redact(view.type, view.data) : view.data;
    return { ...view, data, deliveries: deliveries.map(toDeliveryView) };
  }
}
