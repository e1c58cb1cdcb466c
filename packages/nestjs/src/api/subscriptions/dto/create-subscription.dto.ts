import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsHttpUrl } from '../../validation/is-http-url';

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
}
