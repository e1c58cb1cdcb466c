import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from './epoch-ms.transformer';

@Entity('webhook_message')
@Index('uq_webhook_message_tenant_idempotency', ['tenant', 'idempotencyKey'], { unique: true })
@Index('idx_webhook_message_tenant', ['tenant', 'id'])
export class WebhookMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  tenant!: string;

  @Column({ type: 'varchar', length: 128 })
  type!: string;

  /** The event's `data`, serialized once at publish; every envelope embeds these exact bytes. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'simple-json', nullable: true })
  channels!: string[] | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'created_at', ...epochMsColumn })
  createdAt!: Date;
}
