import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { HOOKLINE_RUNTIME } from '../../module/tokens';
import type { HooklineRuntime } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import { listDocument } from '../documents/resource';
import { EventTypeListDocumentSchema } from './event-type.schemas';
import { eventTypeResource } from './event-type.serializer';

/** The event catalog: what a subscription may ask for, with schemas and examples. */
@ApiController('event-types', 'Event types')
export class EventTypesController {
  constructor(@Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime) {}

  @Get()
  @ApiOperation({ summary: 'List event types', description: 'The whole catalog, sorted by name, on one page.' })
  @ApiOkResponse({ type: EventTypeListDocumentSchema })
  list() {
    return listDocument(this.runtime.options.catalog.list().map(eventTypeResource), null);
  }
}
