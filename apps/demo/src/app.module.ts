import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { WebhooksModule, type QueueOptions } from '@hookline/nestjs';
import { join } from 'node:path';
import { Customer } from './loyalty/customer.entity';
import { LoyaltyController } from './loyalty/loyalty.controller';
import { LoyaltyService, type DomainEvent } from './loyalty/loyalty.service';
import { Redemption } from './loyalty/redemption.entity';
import { SampleReceiverController } from './sample-receiver/sample-receiver.controller';
import { demoPort } from './setup/demo-port';
import { DemoSetupService } from './setup/demo-setup.service';
import { DATA_DIR, encryptionKey } from './setup/demo-state';

const isWorker = process.env.DEMO_ROLE === 'worker';

/** SQLite in .data/ unless DATABASE_URL names a PostgreSQL database. */
function database(): TypeOrmModuleOptions {
  const common = { entities: [Customer, Redemption], autoLoadEntities: true, synchronize: true };
  if (process.env.DATABASE_URL) return { type: 'postgres', url: process.env.DATABASE_URL, ...common };
  // WAL lets readers (the dashboard, the API) run beside the worker's writes and makes commits cheaper.
  return { type: 'better-sqlite3', database: join(DATA_DIR, 'demo.sqlite'), enableWAL: true, ...common };
}

/** The in-process queue unless REDIS_URL names a Redis for BullMQ. */
function queue(): QueueOptions {
  return process.env.REDIS_URL ? { driver: 'bullmq', connection: process.env.REDIS_URL } : { driver: 'in-process' };
}

@Module({
  imports: [
    TypeOrmModule.forRoot(database()),
    EventEmitterModule.forRoot(),
    WebhooksModule.forRoot({
      queue: queue(),
      encryptionKey: encryptionKey(),
      // The demo delivers to its own sample receiver: that one loopback port, not every service on
      // the machine. A real app keeps the defaults.
      delivery: { allowHttp: true, allowedHosts: [`127.0.0.1:${demoPort()}`, `localhost:${demoPort()}`] },
      worker: { enabled: process.env.DEMO_ROLE !== 'api' },
      bridge: {
        events: ['customer.*', 'points.*', 'redemption.*'],
        tenant: (event: DomainEvent) => event.shop,
        data: (event: DomainEvent) => event.data,
        manager: (event: DomainEvent) => event.manager,
      },
    }),
  ],
  controllers: isWorker ? [] : [LoyaltyController, SampleReceiverController],
  providers: [LoyaltyService, DemoSetupService],
})
export class AppModule {}
