import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateSubscriptionDto } from './create-subscription.dto';

/** Only the fields sent change: create's fields and rules, each optional, and the switch. */
export class UpdateSubscriptionDto extends PartialType(CreateSubscriptionDto) {
  @ApiPropertyOptional({ description: 'false pauses deliveries (they wait); true resumes them.' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}
