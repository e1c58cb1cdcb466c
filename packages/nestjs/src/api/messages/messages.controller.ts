import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { WebhookMessages } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { ApiErrors } from '../docs/api-errors.decorator';
import { MessageDocumentSchema } from './message.schemas';
import { messageDocument } from './message.serializer';

/** Published events, and where each one went. */
@ApiController('messages', 'Messages')
export class MessagesController {
  constructor(private readonly messages: WebhookMessages) {}

  @Get(':id')
  @ApiParam({ name: 'id', example: 'msg_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  @ApiOperation({ summary: 'Get a message (one event) and its deliveries' })
  @ApiOkResponse({ type: MessageDocumentSchema })
  @ApiErrors(404)
  async get(@Caller() caller: ApiCaller, @Param('id') id: string) {
    return messageDocument(await this.messages.get(id, { tenant: caller.tenant }));
  }
}
