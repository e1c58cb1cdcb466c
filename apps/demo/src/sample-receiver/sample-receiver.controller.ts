import { Controller, Get, Headers, HttpCode, Logger, Post, Req, UnauthorizedException } from '@nestjs/common';
import { createSigner, isHooklineError } from '@hookline/nestjs';
import type { IncomingMessage } from 'node:http';
import { readState } from '../setup/demo-state';

interface Received {
  at: string;
  id: string;
  type: string;
  verified: boolean;
}

const signer = createSigner({ scheme: 'standard' });

/**
 * A receiver built the way a subscriber should build one: verify the signature over the raw
 * bytes received (never re-serialized JSON), answer 2xx fast, de-duplicate on the webhook id.
 */
@Controller('sample-receiver')
export class SampleReceiverController {
  private readonly logger = new Logger('SampleReceiver');
  private readonly log: Received[] = [];
  private readonly seen = new Set<string>();

  @Post()
  @HttpCode(200)
  receive(@Req() request: IncomingMessage & { rawBody?: Buffer }, @Headers() headers: Record<string, string>) {
    const secret = readState().receiverSecret;
    try {
      signer.verify({ body: request.rawBody ?? Buffer.alloc(0), headers, secrets: secret ? [secret] : [] });
    } catch (error) {
      if (!isHooklineError(error)) throw error;
      this.logger.warn(`Rejected a webhook: ${error.code}`);
      throw new UnauthorizedException(error.message);
    }
    const id = headers['webhook-id'];
    const event = JSON.parse(request.rawBody!.toString('utf8'));
    const duplicate = this.seen.has(id);
    this.seen.add(id);
    this.log.unshift({ at: new Date().toISOString(), id, type: event.type, verified: true });
    this.log.length = Math.min(this.log.length, 100);
    this.logger.log(`Verified ${event.type} ${id}${duplicate ? ' (duplicate, ignored)' : ''}`);
    return { received: true };
  }

  @Get()
  recent() {
    return { data: this.log };
  }
}
