import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController } from '../api-controller.decorator';
import type { ApiCaller } from '../auth/api-caller';
import { Caller } from '../auth/caller.decorator';
import { iso, resource } from '../documents/resource';
import { CallerDocumentSchema } from './caller.schemas';

/** Who the presented key is: the dashboard asks once, to know whether to offer write actions. */
@ApiController('caller', 'Caller')
export class CallerController {
  @Get()
  @ApiOperation({ summary: 'Describe the caller', description: "The API key's tenant and scope (`read` or `write`), and when a portal session expires." })
  @ApiOkResponse({ type: CallerDocumentSchema })
  get(@Caller() caller: ApiCaller) {
    return { data: resource('api_caller', caller.id ?? caller.tenant, { tenant: caller.tenant, scope: caller.scope, expires_at: iso(caller.expiresAt ?? null) }) };
  }
}
