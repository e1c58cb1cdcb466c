import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ResolvedApiOptions } from '../api-options';
import { HOOKLINE_API_OPTIONS } from '../api.tokens';
import { API_RESOURCES } from '../api-resources';
import { sendErrorReply } from './send-error-reply';

/**
 * The app's body parser runs before any route, so its errors (invalid JSON, a body over its
 * limit) never reach a controller's filter; Nest answers them with its own format. On Express,
 * this adds an error handler (before Nest's, which is added after init hooks) that answers them
 * in the API's format when the path is one of the API's resources.
 */
@Injectable()
export class BodyParseErrors implements OnModuleInit {
  private readonly logger = new Logger('HooklineApi');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HOOKLINE_API_OPTIONS) private readonly api: ResolvedApiOptions,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'express') return;
    const prefix = this.api.prefix ? `/${escapeRegExp(this.api.prefix)}` : '';
    const apiPath = new RegExp(`${prefix}/(${API_RESOURCES.map(escapeRegExp).join('|')})(/|$)`);
    adapter.use((error: unknown, request: { path?: string }, response: unknown, next: (error: unknown) => void) => {
      if (!apiPath.test(request.path ?? '')) return next(error);
      sendErrorReply(adapter, response, error, this.logger);
    });
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
