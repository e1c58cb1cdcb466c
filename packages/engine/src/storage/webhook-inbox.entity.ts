import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from './epoch-ms.transformer';

/**
 * One received webhook a handler ran for, by sender and the sender's event id: the primary key
 * is what makes a redelivery, or a copy arriving at the same moment, find the row and skip.
 */
@Entity('webhook_inbox')
@Index('idx_webhook_inbox_received', ['receivedAt'])
export class WebhookInboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sender!: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 255 })
  eventId!: string;

  @Column({ name: 'received_at', ...epochMsColumn })
  receivedAt!: Date;
}
