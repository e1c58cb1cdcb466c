import type { WebhooksApiOptions, WebhooksModuleOptions } from '@hookline/nestjs';
import { sqliteInProcess } from '../../support/drivers';
import type { ApiClient } from '../../api/support/api-client';
import { createApiTestApp, type ApiTestApp } from '../../api/support/api-test-app';

export const PUBLIC_URL = 'https://hooks.example.com/in';

export interface OneSubscription {
  t: ApiTestApp;
  tenant: string;
  write: ApiClient;
  /** A subscription to a public name: accepted without resolving it, never published to. */
  id: string;
}

/** An API app on SQLite with one tenant and one subscription, set up before and closed after the suite. */
export function oneSubscription(options: WebhooksModuleOptions & { api?: WebhooksApiOptions } = {}): OneSubscription {
  const fixture = {} as OneSubscription;
  beforeAll(async () => {
    fixture.t = await createApiTestApp(sqliteInProcess(), options);
    const { tenant, write } = await fixture.t.tenant();
    Object.assign(fixture, { tenant, write });
    fixture.id = (await write.post('/webhook-subscriptions', { url: PUBLIC_URL, events: ['*'] })).body.data.id;
  });
  afterAll(() => fixture.t?.close());
  return fixture;
}
