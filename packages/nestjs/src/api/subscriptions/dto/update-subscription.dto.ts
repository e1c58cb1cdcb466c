import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsHttpUrl } from '../../validation/is-http-url';

/** Only the fields sent change. */
export class UpdateSubscriptionDto {
  @ApiPropertyOptional({ example: 'https://example.com/webhooks/v2', maxLength: 2048 })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({ type: [String], example: ['points.*'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  events?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  description?: string | null;

  @ApiPropertyOptional({ description: 'false pauses deliveries (they wait); true resumes them.' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({ type: [String], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  channels?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'standard' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  profile?: string | null;
}
