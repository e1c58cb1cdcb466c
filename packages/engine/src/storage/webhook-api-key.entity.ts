import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from '../storage/epoch-ms.transformer';
import type { ApiKeyScope } from './api-key-scope';

/** A REST API key: only its SHA-256 hash is stored, so a leaked table leaks no usable key. */
@Entity('webhook_api_key')
@Index('uq_webhook_api_key_hash', ['keyHash'], { unique: true })
@Index('idx_webhook_api_key_tenant', ['tenant', 'id'])
export class WebhookApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  tenant!: string;

  @Column({ type: 'varchar', length: 8 })
  scope!: ApiKeyScope;

  @Column({ type: 'varchar', length: 128, nullable: true })
  name!: string | null;

  /** Hex SHA-256 of the whole key. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  /** The key's first characters, so people can tell their keys apart in a list. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix!: string;

  @Column({ name: 'revoked_at', ...epochMsColumn, nullable: true })
  revokedAt!: Date | null;

  /** Set on portal sessions only: from then on the key is refused. API keys never expire. */
  @Column({ name: 'expires_at', ...epochMsColumn, nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'last_used_at', ...epochMsColumn, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'created_at', ...epochMsColumn })
  createdAt!: Date;
}
