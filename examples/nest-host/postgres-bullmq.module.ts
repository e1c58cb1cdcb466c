import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HOOKLINE_MIGRATIONS, WebhooksModule } from '@hookline/nestjs';

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, autoLoadEntities: true, migrations: HOOKLINE_MIGRATIONS, migrationsRun: true }),
    EventEmitterModule.forRoot(),
    WebhooksModule.forRoot({
      queue: { driver: 'bullmq', connection: process.env.REDIS_URL! },
      encryptionKey: process.env.HOOKLINE_ENCRYPTION_KEY!, // 32 random bytes, base64
      profile: 'standard',
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
