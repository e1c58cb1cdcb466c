import { ApiProperty } from '@nestjs/swagger';

export class ListMetaSchema {
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page.', example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  next_cursor!: string | null;
}
