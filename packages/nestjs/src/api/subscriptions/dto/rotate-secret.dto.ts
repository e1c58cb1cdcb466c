import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateSecretDto {
  @ApiPropertyOptional({
    description: 'How long the old secret keeps signing beside the new one, so receivers can switch over.',
    minimum: 0,
    maximum: 2_592_000,
    default: 86_400,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_592_000)
  grace_seconds?: number;
}
