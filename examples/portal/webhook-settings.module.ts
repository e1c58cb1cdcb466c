import { Controller, Get, Header, Module, Req, UseGuards } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookPortal, WebhooksModule } from '@hookline/nestjs';
import { SignedInGuard, type SignedInRequest } from './signed-in.guard'; // your app's own authentication

/** The host's settings page: its customer's webhooks, in Hookline's dashboard, signed in for their shop only. */
@Controller('settings/webhooks')
@UseGuards(SignedInGuard)
export class WebhookSettingsController {
  constructor(private readonly portal: WebhookPortal) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store') // the page holds a session token: no cache keeps it
  async page(@Req() request: SignedInRequest): Promise<string> {
    const session = await this.portal.createSession({
      tenant: request.user.shopId,
      scope: request.user.isOwner ? 'write' : 'read',
      ttlSeconds: 900,
    });
    return `<!DOCTYPE html><title>Webhooks</title>
<iframe src="${session.url}" title="Webhooks" style="width: 100%; height: 90vh; border: 0"></iframe>`;
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'better-sqlite3', database: process.env.APP_DATABASE ?? 'data/app.sqlite', autoLoadEntities: true, synchronize: true }),
    EventEmitterModule.forRoot(),
    WebhooksModule.forRoot({
      encryptionKey: process.env.HOOKLINE_ENCRYPTION_KEY!, // 32 random bytes, base64
      portal: { dashboardUrl: 'https://api.example.com/v1/dashboard' }, // where your customers' browsers reach the dashboard
      dashboard: { frameAncestors: ['https://app.example.com'] }, // the origin of the settings page that frames it
    }),
  ],
  controllers: [WebhookSettingsController],
})
export class WebhookSettingsModule {}
