import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { demoPort } from './setup/demo-port';
import { DEMO_SHOP } from './setup/demo-setup.service';

/**
 * `DEMO_ROLE=worker` starts a worker-only process (no HTTP), for scaling out on Postgres + BullMQ;
 * otherwise the API, the sample receiver and (unless DEMO_ROLE=api) a worker run together.
 */
async function bootstrap(): Promise<void> {
  const logger = new Logger('Demo');
  if (process.env.DEMO_ROLE === 'worker') {
    const app = await NestFactory.createApplicationContext(AppModule);
    app.enableShutdownHooks();
    logger.log('Worker-only process started.');
    return;
  }
  const app = await NestFactory.create(AppModule, { rawBody: true });
  app.enableShutdownHooks();
  const port = demoPort();
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  logger.log(`Loyalty demo on http://127.0.0.1:${port} (shop "${DEMO_SHOP}")`);
  logger.log(`Try: curl -X POST http://127.0.0.1:${port}/shops/${DEMO_SHOP}/customers -H 'content-type: application/json' -d '{"email":"ada@example.com"}'`);
  logger.log(`Webhooks received by the sample receiver: http://127.0.0.1:${port}/sample-receiver`);
}

void bootstrap();
