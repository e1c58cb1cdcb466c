import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES } from '@hookline/engine';

export class PortalSessionAttributesSchema {
  @ApiProperty({ example: 'shop-42' }) tenant!: string;
  @ApiProperty({ enum: API_KEY_SCOPES }) scope!: string;
  @ApiPropertyOptional({ description: 'Only in the create response: works as an API key of the tenant and scope until expires_at.', example: 'hlp_2bV0y3…' })
  token?: string;
  @ApiPropertyOptional({
    description: 'Only in the create response: the dashboard signed in with the token, for an iframe. The token is in the fragment, which reaches no server.',
    example: 'https://api.example.com/v1/dashboard#portal=hlp_2bV0y3…',
  })
  url?: string;
  @ApiProperty({ format: 'date-time' }) expires_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revoked_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class PortalSessionResourceSchema {
  @ApiProperty({ enum: ['portal_session'] }) type!: string;
  @ApiProperty({ example: 'key_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ type: PortalSessionAttributesSchema }) attributes!: PortalSessionAttributesSchema;
}

export class PortalSessionDocumentSchema {
  @ApiProperty({ type: PortalSessionResourceSchema }) data!: PortalSessionResourceSchema;
}
