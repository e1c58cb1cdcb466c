import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from './epoch-ms.transformer';

/**
 * The message entity with its payload column of the given type. TypeORM takes a column's type from
 * the class, and no type name means TEXT on PostgreSQL and SQLite but more than MySQL's 64 KB TEXT,
 * so each type gets a class of its own (dialects/mysql/mysql-entities.ts has the other).
 */
export function messageEntity(payloadType: 'text' | 'longtext') {
  @Entity('webhook_message')
  @Index('uq_webhook_message_tenant_idempotency', ['tenant', 'idempotencyKey'], { unique: true })
  @Index('idx_webhook_message_tenant', ['tenant', 'id'])
  class WebhookMessageEntity {
    @PrimaryColumn({ type: 'varchar', length: 40 })
    id!: string;

    @Column({ type: 'varchar', length: 128 })
    tenant!: string;

    @Column({ type: 'varchar', length: 128 })
    type!: string;

    /** The event's `data`, serialized once at publish; every envelope embeds these exact bytes. */
    @Column({ type: payloadType })
    payload!: string;

    @Column({ type: 'simple-json', nullable: true })
    channels!: string[] | null;

    @Column({ name: 'idempotency_key', type: 'varchar', length: 255, nullable: true })
    idempotencyKey!: string | null;

    /** The W3C trace context the message was published in (see tracing/), sent unchanged with every attempt. */
    @Column({ type: 'varchar', length: 55, nullable: true })
    traceparent!: string | null;

    @Column({ type: 'varchar', length: 512, nullable: true })
    tracestate!: string | null;

    @Column({ name: 'created_at', ...epochMsColumn })
    createdAt!: Date;
  }
  return WebhookMessageEntity;
}

export const WebhookMessageEntity = messageEntity('text');
export type WebhookMessageEntity = InstanceType<typeof WebhookMessageEntity>;
