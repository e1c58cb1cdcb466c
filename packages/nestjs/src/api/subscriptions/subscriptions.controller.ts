import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { WebhookSubscriptions } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { ApiErrors } from '../docs/api-errors.decorator';
import { CarriesSecret } from './carries-secret.decorator';
import { listDocument } from '../documents/resource';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { PageQuery } from './dto/list-subscriptions.query';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto';
import { SubscriptionDocumentSchema, SubscriptionListDocumentSchema } from './subscription.schemas';
import { subscriptionResource, subscriptionWithSecretResource } from './subscription.serializer';
import { rateLimitInput } from './rate-limit-body';
import { SubscriptionRules } from './subscription-rules';

const ID = ApiParam({ name: 'id', example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' });

/** Subscriptions: create, list, read, change, delete (seed 001's resource). */
@ApiController('webhook-subscriptions', 'Subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly rules: SubscriptionRules,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a subscription', description: 'Returns the signing secret: this once, never again.' })
  @ApiCreatedResponse({ type: SubscriptionDocumentSchema })
  @ApiErrors(400, 403, 413, 415)
  @CarriesSecret()
  async create(@Caller() caller: ApiCaller, @Body() body: CreateSubscriptionDto) {
    this.rules.check(body, { profile: body.profile ?? null });
    const { rate_limit: rateLimit, ...rest } = body;
    const created = await this.subscriptions.create({ tenant: caller.tenant, ...rest, rateLimit: rateLimitInput(rateLimit) });
    return { data: subscriptionWithSecretResource(created) };
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions', description: 'Oldest first, a page at a time.' })
  @ApiOkResponse({ type: SubscriptionListDocumentSchema })
  @ApiErrors(400)
  async list(@Caller() caller: ApiCaller, @Query() query: PageQuery) {
    const page = await this.subscriptions.list({ tenant: caller.tenant, cursor: query.cursor, limit: query.limit });
    return listDocument(page.data.map(subscriptionResource), page.nextCursor);
  }

  @Get(':id')
  @ID
  @ApiOperation({ summary: 'Get a subscription' })
  @ApiOkResponse({ type: SubscriptionDocumentSchema })
  @ApiErrors(404)
  async get(@Caller() caller: ApiCaller, @Param('id') id: string) {
    return { data: subscriptionResource(await this.subscriptions.get(id, { tenant: caller.tenant })) };
  }

  @Patch(':id')
  @ID
  @ApiOperation({ summary: 'Change a subscription', description: 'url, events, description, channels, profile, headers, rate_limit or is_active; fields left out stay. headers replaces the whole map and rate_limit the limit; null removes them.' })
  @ApiOkResponse({ type: SubscriptionDocumentSchema })
  @ApiErrors(400, 403, 404, 413, 415)
  async update(@Caller() caller: ApiCaller, @Param('id') id: string, @Body() body: UpdateSubscriptionDto) {
    this.rules.check(body, { profile: body.profile });
    const { is_active: isActive, rate_limit: rateLimit, ...rest } = body;
    const updated = await this.subscriptions.update(id, { ...rest, isActive, rateLimit: rateLimitInput(rateLimit) }, { tenant: caller.tenant });
    return { data: subscriptionResource(updated) };
  }

  @Delete(':id')
  @ID
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription', description: 'Its pending deliveries end as failed; the delivery log keeps them.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors(403, 404)
  async remove(@Caller() caller: ApiCaller, @Param('id') id: string): Promise<void> {
    await this.subscriptions.remove(id, { tenant: caller.tenant });
  }
}
