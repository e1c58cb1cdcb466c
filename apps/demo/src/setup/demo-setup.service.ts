import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookSubscriptions } from '@hookline/nestjs';
import { readState, writeState } from './demo-state';

export const DEMO_SHOP = process.env.DEMO_SHOP ?? 'demo-shop';

/** On first start: subscribes the built-in sample receiver to every event of the demo shop. */
@Injectable()
export class DemoSetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSetup');

  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.DEMO_ROLE === 'worker') return;
    const state = readState();
    if (state.subscriptionId) {
      const exists = await this.subscriptions.get(state.subscriptionId).then(() => true, () => false);
      if (exists) return;
    }
    const port = Number(process.env.PORT ?? 3000);
    const subscription = await this.subscriptions.create({
      tenant: DEMO_SHOP,
      url: `http://127.0.0.1:${port}/sample-receiver`,
      events: ['*'],
      description: 'Built-in sample receiver',
    });
    writeState({ ...state, subscriptionId: subscription.id, receiverSecret: subscription.secret });
    this.logger.log(`Subscribed the sample receiver (${subscription.id}) to every event of shop "${DEMO_SHOP}".`);
  }
}
