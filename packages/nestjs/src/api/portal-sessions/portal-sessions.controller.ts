import { Body, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { WebhookPortal } from '@hookline/engine';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { ApiErrors } from '../docs/api-errors.decorator';
import { PortalSessionForbiddenError } from '../errors/api-errors';
import { CarriesSecret } from '../subscriptions/carries-secret.decorator';
import { CreatePortalSessionDto } from './dto/create-portal-session.dto';
import { PortalSessionDocumentSchema } from './portal-session.schemas';
import { portalSessionResource } from './portal-session.serializer';

/** Opens and ends embeddable dashboard sessions of the calling key's tenant; write keys only, never a session itself. */
@ApiController('portal-sessions', 'Portal sessions')
export class PortalSessionsController {
  constructor(private readonly portal: WebhookPortal) {}

  @Post()
  @ApiOperation({
    summary: 'Open a portal session',
    description:
      "A short-lived token of the key's tenant with the scope given, and the dashboard URL signed in with it, to embed in an iframe. The token and URL are shown only here.",
  })
  @ApiCreatedResponse({ type: PortalSessionDocumentSchema })
  @ApiErrors(400, 403, 413, 415)
  @CarriesSecret()
  async create(@Caller() caller: ApiCaller, @Body() body: CreatePortalSessionDto) {
    refuseSessions(caller);
    const session = await this.portal.createSession({ tenant: caller.tenant, scope: body.scope, ttlSeconds: body.ttl_seconds, dashboardUrl: body.dashboard_url });
    return { data: portalSessionResource(session) };
  }

  @Delete(':id')
  @ApiParam({ name: 'id', example: 'key_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a portal session', description: 'Its next request is refused (401) and the dashboard shows that the session has ended.' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiErrors(403, 404)
  async revoke(@Caller() caller: ApiCaller, @Param('id') id: string): Promise<void> {
    refuseSessions(caller);
    await this.portal.revokeSession(id, { tenant: caller.tenant });
  }
}

// A session that could open sessions could keep itself alive past its expiry.
function refuseSessions(caller: ApiCaller): void {
  if (caller.expiresAt) throw new PortalSessionForbiddenError('A portal session cannot open or revoke portal sessions; use an API key with scope "write".');
}
