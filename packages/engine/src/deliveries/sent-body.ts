import { serializeEnvelope } from '@hookline/core';
import type { DataSource, Repository } from 'typeorm';
import type { ProfileRegistry } from '../options/profile-registry';
import type { WebhookDeliveryEntity } from '../storage/webhook-delivery.entity';
import { WebhookMessageEntity } from '../storage/webhook-message.entity';
import { WebhookSubscriptionEntity } from '../storage/webhook-subscription.entity';

export type RedactPayload = (eventType: string, data: unknown) => unknown;

/**
 * The body a delivery's attempts sent, rebuilt from its stored message by the serializer and the
 * profile the worker used (the body is deterministic: the same bytes on every attempt), so no
 * attempt row has to carry it. Through the host's `redactPayload` when there is one: people read
 * this, receivers got the data as published.
 */
export class SentBodies {
  private readonly messages: Repository<WebhookMessageEntity>;
  private readonly subscriptions: Repository<WebhookSubscriptionEntity>;

  constructor(private readonly deps: { dataSource: DataSource; profiles: ProfileRegistry; redact?: RedactPayload }) {
    this.messages = deps.dataSource.getRepository<WebhookMessageEntity>(WebhookMessageEntity.name);
    this.subscriptions = deps.dataSource.getRepository<WebhookSubscriptionEntity>(WebhookSubscriptionEntity.name);
  }

  /** Null when the subscription is gone (its profile with it) or names a profile no longer configured. */
  async of(delivery: WebhookDeliveryEntity): Promise<string | null> {
    const [message, subscription] = await Promise.all([
      this.messages.findOneBy({ id: delivery.messageId }),
      this.subscriptions.findOne({ where: { id: delivery.subscriptionId }, select: { id: true, profile: true } }),
    ]);
    if (!message || !subscription) return null;
    if (subscription.profile && !this.deps.profiles.has(subscription.profile)) return null;
    const envelope = { eventId: delivery.id, messageId: message.id, type: message.type, tenant: message.tenant, occurredAt: message.createdAt };
    const profile = this.deps.profiles.forSubscription(subscription.profile);
    const redact = this.deps.redact;
    // Unredacted, the stored text is spliced in exactly as the worker does it.
    return redact
      ? serializeEnvelope(profile, { ...envelope, data: redact(message.type, JSON.parse(message.payload)) })
      : serializeEnvelope(profile, { ...envelope, dataJson: message.payload });
  }
}
