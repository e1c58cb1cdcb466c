import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorSourceSchema {
  @ApiPropertyOptional({ description: 'JSON pointer to the body field at fault; "" for the whole body.', example: '/events/1' })
  pointer?: string;

  @ApiPropertyOptional({ description: 'The query parameter at fault.', example: 'limit' })
  parameter?: string;
}

export class ApiErrorObjectSchema {
  @ApiProperty({ description: 'HTTP status, as a string.', example: '400' })
  status!: string;

  @ApiProperty({
    description: 'Stable machine-readable code.',
    example: 'HOOKLINE_UNKNOWN_EVENT_TYPE',
    enum: [
      'HOOKLINE_INVALID_REQUEST', 'HOOKLINE_INVALID_FIELD', 'HOOKLINE_UNKNOWN_FIELD', 'HOOKLINE_INVALID_BODY', 'HOOKLINE_INVALID_JSON',
      'HOOKLINE_BODY_TOO_DEEP', 'HOOKLINE_INVALID_CHARACTER', 'HOOKLINE_UNSUPPORTED_MEDIA_TYPE',
      'HOOKLINE_UNSAFE_URL', 'HOOKLINE_UNKNOWN_EVENT_TYPE', 'HOOKLINE_INVALID_SUBSCRIPTION', 'HOOKLINE_INVALID_STATS_WINDOW',
      'HOOKLINE_UNAUTHENTICATED', 'HOOKLINE_READ_ONLY_KEY', 'HOOKLINE_SUBSCRIPTION_NOT_FOUND', 'HOOKLINE_DELIVERY_NOT_FOUND',
      'HOOKLINE_MESSAGE_NOT_FOUND', 'HOOKLINE_EVENT_TYPE_NOT_FOUND', 'HOOKLINE_DELIVERY_NOT_RESENDABLE', 'HOOKLINE_SUBSCRIPTION_INACTIVE', 'HOOKLINE_REQUEST_TOO_LARGE',
      'HOOKLINE_RATE_LIMITED', 'HOOKLINE_TEST_EVENT_UNAVAILABLE', 'HOOKLINE_INTERNAL_ERROR',
    ],
  })
  code!: string;

  @ApiProperty({ description: 'The HTTP status phrase.', example: 'Bad Request' })
  title!: string;

  @ApiProperty({ description: 'What went wrong and how to fix it.', example: 'Unknown event type "points.earnd". Did you mean "points.earned"?' })
  detail!: string;

  @ApiPropertyOptional({ type: ApiErrorSourceSchema })
  source?: ApiErrorSourceSchema;
}

/** Every error response: one entry per problem (per invalid field for a 400). */
export class ApiErrorDocumentSchema {
  @ApiProperty({ type: [ApiErrorObjectSchema] })
  errors!: ApiErrorObjectSchema[];
}
