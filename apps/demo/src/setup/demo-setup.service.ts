import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookApiKeys, WebhookSubscriptions } from '@hookline/nestjs';
import { readState, writeState } from './demo-state';
import { demoPort } from './demo-port';

export const DEMO_SHOP = process.env.DEMO_SHOP ?? 'demo-shop';

/**
 * On first start: subscribes the built-in sample receiver to every event of the demo shop and
 * prints an admin API key for the REST API and dashboard — once; only its prefix is kept.
 */
@Injectable()
export class DemoSetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSetup');

  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly apiKeys: WebhookApiKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.DEMO_ROLE === 'worker') return;
    await this.ensureApiKey();
    const state = readState();
    if (state.subscriptionId) {
      const exists = await this.subscriptions.get(state.subscriptionId).then(() => true, () => false);
      if (exists) return;
    }
    const port = demoPort();
    const subscription = await this.subscriptions.create({
      tenant: DEMO_SHOP,
      url: `http://127.0.0.1:${port}/sample-receiver`,
      events: ['*'],
      description: 'Built-in sample receiver',
    });
    writeState({ ...state, subscriptionId: subscription.id, receiverSecret: subscription.secret });
    this.logger.log(`Subscribed the sample receiver (${subscription.id}) to every event of shop "${DEMO_SHOP}".`);
  }

  private async ensureApiKey(): Promise<void> {
    const state = readState();
    if (state.adminKeyPrefix) return;
    const created = await this.apiKeys.create({ tenant: DEMO_SHOP, scope: 'write', name: 'demo admin' });
    writeState({ ...state, adminKeyPrefix: created.keyPrefix });
    const port = demoPort();
    this.logger.log(`Admin API key for shop "${DEMO_SHOP}" (shown once, store it now): ${created.key}`);
    this.logger.log(`  curl -H 'Authorization: Bearer ${created.key}' http://127.0.0.1:${port}/v1/webhook-subscriptions`);
  }
}
