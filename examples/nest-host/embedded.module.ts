import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhooksModule } from '@hookline/nestjs';

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'better-sqlite3', database: 'data/app.sqlite', enableWAL: true, autoLoadEntities: true, synchronize: true }),
    EventEmitterModule.forRoot(),
    WebhooksModule.forRoot({
      encryptionKey: process.env.HOOKLINE_ENCRYPTION_KEY!, // 32 random bytes, base64: openssl rand -base64 32
      bridge: {
        events: ['points.*', 'customer.*', 'redemption.*'],
        tenant: (event) => event.shop,
        data: (event) => event.data,
        manager: (event) => event.manager, // publish inside the host's transaction
      },
      // Local development only: lets deliveries reach a receiver on this machine.
      ...(process.env.NODE_ENV !== 'production' && { delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] } }),
    }),
  ],
})
export class AppModule {}
