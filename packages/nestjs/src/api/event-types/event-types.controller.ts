import { Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { describeWebhookRequest } from '@hookline/core';
import { HOOKLINE_RUNTIME } from '../../module/tokens';
import type { HooklineRuntime } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import { ApiErrors } from '../docs/api-errors.decorator';
import { listDocument } from '../documents/resource';
import { EventTypeDocumentSchema, EventTypeListDocumentSchema } from './event-type.schemas';
import { eventTypeResource, eventTypeWithRequestResource } from './event-type.serializer';

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

  @Get(':name')
  @ApiParam({ name: 'name', example: 'points.earned' })
  @ApiOperation({
    summary: 'Get an event type',
    description: "With the request its subscribers receive in the module's wire profile: every header and the envelope, each with a schema and an example.",
  })
  @ApiOkResponse({ type: EventTypeDocumentSchema })
  @ApiErrors(404)
  get(@Param('name') name: string) {
    const definition = this.runtime.options.catalog.lookup(name);
    return { data: eventTypeWithRequestResource(definition, describeWebhookRequest(this.runtime.profiles.defaultProfile, definition)) };
  }
}
