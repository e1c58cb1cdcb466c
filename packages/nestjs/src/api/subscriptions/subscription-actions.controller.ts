import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { WebhookDeliveries, parseStatsWindow, WebhookStats, WebhookSubscriptions, TestEventSender } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { DeliveryDocumentSchema } from '../deliveries/delivery.schemas';
import { deliveryResource } from '../deliveries/delivery.serializer';
import { ApiErrors } from '../docs/api-errors.decorator';
import { CarriesSecret } from './carries-secret.decorator';
import { iso } from '../documents/resource';
import { ReplayDto } from './dto/replay.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { StatsQuery } from './dto/stats.query';
import { ReplayDocumentSchema, StatsDocumentSchema } from './subscription-actions.schemas';
import { SubscriptionDocumentSchema } from './subscription.schemas';
import { subscriptionWithSecretResource } from './subscription.serializer';
import { statsResource } from './stats.serializer';

const ID = ApiParam({ name: 'id', example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' });

/** What one does *with* a subscription: rotate its secret, test it, watch it, replay its failures. */
@ApiController('webhook-subscriptions', 'Subscriptions')
export class SubscriptionActionsController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
    private readonly stats: WebhookStats,
    private readonly testEvents: TestEventSender,
  ) {}

  @Post(':id/rotate-secret')
  @ID
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description: 'Returns the new secret, once. The old one keeps signing beside it for grace_seconds, so receivers can switch over.',
  })
  @ApiOkResponse({ type: SubscriptionDocumentSchema })
  @ApiErrors(400, 403, 404, 413, 415)
  @CarriesSecret()
  async rotateSecret(@Caller() caller: ApiCaller, @Param('id') id: string, @Body() body: RotateSecretDto) {
    const rotated = await this.subscriptions.rotateSecret(id, { tenant: caller.tenant, graceSeconds: body.grace_seconds });
    return { data: subscriptionWithSecretResource(rotated) };
  }

  @Post(':id/test')
  @ID
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a test event now',
    description: "Sends the catalog's test event to this subscription only, waits for the first attempt and returns the delivery with it.",
  })
  @ApiOkResponse({ type: DeliveryDocumentSchema })
  @ApiErrors(403, 404, 409, 501)
  async test(@Caller() caller: ApiCaller, @Param('id') id: string) {
    return { data: deliveryResource(await this.testEvents.send(id, caller.tenant)) };
  }

  @Get(':id/stats')
  @ID
  @ApiOperation({ summary: 'Delivery statistics', description: 'Success rate, latency percentiles, retry rate and counts by status over a window; with `buckets`, also per slice of it (`series`).' })
  @ApiOkResponse({ type: StatsDocumentSchema })
  @ApiErrors(400, 404)
  async getStats(@Caller() caller: ApiCaller, @Param('id') id: string, @Query() query: StatsQuery) {
    const window = query.window ?? '24h';
    const windowMs = parseStatsWindow(window);
    const subscription = await this.subscriptions.get(id, { tenant: caller.tenant });
    const view = await this.stats.forSubscription(subscription.id, { tenant: caller.tenant, windowMs, buckets: query.buckets });
    return { data: statsResource(view, window) };
  }

  @Post(':id/replay')
  @ID
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay failed deliveries',
    description: "Queues every failed delivery of this subscription created in [since, until) for a new series of attempts; returns how many. Sending happens on the workers.",
  })
  @ApiAcceptedResponse({ type: ReplayDocumentSchema })
  @ApiErrors(400, 403, 404, 413, 415)
  async replay(@Caller() caller: ApiCaller, @Param('id') id: string, @Body() body: ReplayDto) {
    const subscription = await this.subscriptions.get(id, { tenant: caller.tenant });
    const since = body.since ? new Date(body.since) : null;
    const until = body.until ? new Date(body.until) : null;
    const queued = await this.deliveries.replay({
      tenant: caller.tenant,
      subscriptionId: subscription.id,
      status: body.status,
      since: since ?? undefined,
      until: until ?? undefined,
    });
    return { meta: { queued, subscription_id: subscription.id, status: body.status, since: iso(since), until: iso(until) } };
  }
}
