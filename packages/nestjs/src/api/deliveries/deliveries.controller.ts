import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { WebhookDeliveries } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { ApiErrors } from '../docs/api-errors.decorator';
import { listDocument } from '../documents/resource';
import { DeliveryDocumentSchema, DeliveryListDocumentSchema } from './delivery.schemas';
import { deliveryResource } from './delivery.serializer';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';

const ID = ApiParam({ name: 'id', example: 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W' });

/** The delivery log: search it, inspect attempts, send one again. */
@ApiController('deliveries', 'Deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  @Get()
  @ApiOperation({ summary: 'List deliveries', description: 'Newest first, filtered, a page at a time.' })
  @ApiOkResponse({ type: DeliveryListDocumentSchema })
  @ApiErrors(400)
  async list(@Caller() caller: ApiCaller, @Query() query: ListDeliveriesQuery) {
    const page = await this.deliveries.list({
      tenant: caller.tenant,
      subscriptionId: query.subscription_id,
      status: query.status,
      eventType: query.event_type,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      cursor: query.cursor,
      limit: query.limit,
    });
    return listDocument(page.data.map(deliveryResource), page.nextCursor);
  }

  @Get(':id')
  @ID
  @ApiOperation({ summary: 'Get a delivery with every attempt' })
  @ApiOkResponse({ type: DeliveryDocumentSchema })
  @ApiErrors(404)
  async get(@Caller() caller: ApiCaller, @Param('id') id: string) {
    return { data: deliveryResource(await this.deliveries.get(id, { tenant: caller.tenant })) };
  }

  @Post(':id/resend')
  @ID
  @HttpCode(202)
  @ApiOperation({
    summary: 'Resend a delivery',
    description: 'Queues a new series of attempts now, with the same delivery id (receivers de-duplicate on it); earlier attempts stay in the log.',
  })
  @ApiAcceptedResponse({ type: DeliveryDocumentSchema })
  @ApiErrors(403, 404, 409)
  async resend(@Caller() caller: ApiCaller, @Param('id') id: string) {
    return { data: deliveryResource(await this.deliveries.resend(id, { tenant: caller.tenant })) };
  }
}
