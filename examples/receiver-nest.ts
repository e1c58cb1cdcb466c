import { Controller, Headers, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import { createSigner, WebhookVerificationError } from '@hookline/core';

/**
 * A webhook receiver in Nest. Create the app with `NestFactory.create(AppModule, { rawBody: true })`
 * so `req.rawBody` holds the bytes exactly as sent: verifying the parsed-and-re-serialized body fails.
 */
@Controller('webhooks')
export class WebhooksReceiverController {
  private readonly signer = createSigner({ scheme: 'standard' });
  readonly received: unknown[] = [];

  @Post()
  @HttpCode(204)
  receive(@Req() req: { rawBody?: Buffer }, @Headers() headers: Record<string, string>): void {
    try {
      this.signer.verify({ body: req.rawBody ?? Buffer.alloc(0), headers, secrets: process.env.WEBHOOK_SECRET ?? '' });
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new UnauthorizedException(error.code);
      throw error;
    }
    this.received.push(JSON.parse(req.rawBody!.toString('utf8')));
  }
}
