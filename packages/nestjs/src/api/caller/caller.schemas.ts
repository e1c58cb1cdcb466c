import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES } from '@hookline/engine';

export class CallerAttributesSchema {
  @ApiProperty({ example: 'shop-42' }) tenant!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, description: 'read keys may only GET; write keys may change things too.' }) scope!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a portal session stops working; null for an API key.' })
  expires_at!: string | null;
}

export class CallerResourceSchema {
  @ApiProperty({ enum: ['api_caller'] }) type!: string;
  @ApiProperty({ description: 'The API key id, or the tenant when the host authenticates callers itself.', example: 'key_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  id!: string;
  @ApiProperty({ type: CallerAttributesSchema }) attributes!: CallerAttributesSchema;
}

export class CallerDocumentSchema {
  @ApiProperty({ type: CallerResourceSchema }) data!: CallerResourceSchema;
}
