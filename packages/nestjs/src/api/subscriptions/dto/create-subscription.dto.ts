import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_SUBSCRIPTION_HEADER_BYTES, MAX_SUBSCRIPTION_HEADERS } from '@hookline/engine';
import { IsHttpUrl } from '../../validation/is-http-url';
import { RATE_LIMIT_SCHEMA, type RateLimitBody } from '../rate-limit-body';

export class CreateSubscriptionDto {
  @ApiProperty({
    description: 'The HTTPS endpoint that receives deliveries. Private, loopback and link-local hosts are refused.',
    example: 'https://example.com/webhooks/loyalty',
    maxLength: 2048,
  })
  @IsDefined({ message: 'url is required' })
  @IsString()
  @MaxLength(2048)
  @IsHttpUrl()
  url!: string;

  @ApiProperty({
    description: 'A non-empty list of event types from GET /event-types, or wildcards such as "points.*" or "*".',
    example: ['points.earned', 'tier.*'],
    type: [String],
  })
  @IsDefined({ message: 'events is required' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  events!: string[];

  @ApiPropertyOptional({ description: 'A label to tell subscriptions apart.', example: 'Production points sync', maxLength: 512, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  description?: string | null;

  @ApiPropertyOptional({ description: 'Only messages published on one of these channels are delivered; all when omitted.', type: [String], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  channels?: string[] | null;

  @ApiPropertyOptional({ description: "A wire profile (signature scheme and envelope) overriding the module's.", example: 'standard', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  profile?: string | null;

  @ApiPropertyOptional({
    description:
      `Headers sent with every attempt, such as an API key the receiver checks. Stored encrypted and shown masked afterwards. Names are HTTP tokens; ` +
      `values printable ASCII (no CR, LF or control characters). Refused: hop-by-hop headers (Connection, Host, Content-Length, Transfer-Encoding, Proxy-*…) ` +
      `and every header Hookline sets itself under the subscription's profile (signature, id, timestamp, Content-Type, User-Agent). ` +
      `At most ${MAX_SUBSCRIPTION_HEADERS} headers, ${MAX_SUBSCRIPTION_HEADER_BYTES} bytes in all. On update, replaces the whole map; null removes them.`,
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { 'X-Api-Key': 'k_live_51H8Zq2eZvKYlo2C' },
  })
  // Checked by SubscriptionRules and the service, which know the profile's own header names. Taken
  // as parsed: class-transformer would silently drop names such as `constructor` or `__proto__`.
  @Transform(({ obj }: { obj: { headers?: unknown } }) => obj.headers)
  @IsOptional()
  headers?: Record<string, string> | null;

  @ApiPropertyOptional({
    ...RATE_LIMIT_SCHEMA,
    description:
      'At most this many attempts per second and/or per minute, across every worker process. Deliveries over it wait for a token ' +
      'without spending an attempt. per_second allows bursts of up to per_second at once after a quiet second; per_minute is paced evenly. ' +
      'On update, replaces the limit; null removes it.',
  })
  // Checked by SubscriptionRules and the service (one list of issues with pointers); taken as parsed.
  @Transform(({ obj }: { obj: { rate_limit?: unknown } }) => obj.rate_limit)
  @IsOptional()
  rate_limit?: RateLimitBody | null;
}
