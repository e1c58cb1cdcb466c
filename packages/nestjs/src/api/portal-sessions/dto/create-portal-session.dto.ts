import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES, PORTAL_TTL_SECONDS, type ApiKeyScope } from '@hookline/engine';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreatePortalSessionDto {
  @ApiProperty({ enum: API_KEY_SCOPES, description: 'read shows everything and hides every action; write may also change subscriptions and resend.' })
  @IsDefined({ message: 'scope is required' })
  @IsIn(API_KEY_SCOPES as ApiKeyScope[], { message: 'scope must be "read" or "write"' })
  scope!: ApiKeyScope;

  @ApiPropertyOptional({ description: 'How long the session works.', minimum: PORTAL_TTL_SECONDS.min, maximum: PORTAL_TTL_SECONDS.max, default: PORTAL_TTL_SECONDS.default })
  @IsOptional()
  @IsInt()
  @Min(PORTAL_TTL_SECONDS.min)
  @Max(PORTAL_TTL_SECONDS.max)
  ttl_seconds?: number;

  @ApiPropertyOptional({
    description: "The dashboard's public URL the session URL is built on; default the module's `portal.dashboardUrl`.",
    example: 'https://api.example.com/v1/dashboard',
    maxLength: 2048,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  dashboard_url?: string;
}
