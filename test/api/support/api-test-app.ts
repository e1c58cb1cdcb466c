import type { WebhooksApiOptions, WebhooksDashboardOptions, WebhooksModuleOptions } from '@hookline/nestjs';
import type { TestDriver } from '../../support/drivers';
import { createTestApp, type TestApp, type TestAppSetup } from '../../support/test-app';
import { ApiClient } from './api-client';

export interface ApiTestApp extends TestApp {
  /** A client without a key; `.as(key)` for one with. */
  api: ApiClient;
  /** A fresh tenant with a write key and a read key. */
  tenant(): Promise<{ tenant: string; write: ApiClient; read: ApiClient }>;
}

// Tests make many quick requests (and many failed ones); the rate-limit suites build their own app with the default limits.
const GENEROUS = { limit: 100_000, ttlMs: 1_000 };
const GENEROUS_RATE_LIMIT = { ...GENEROUS, perTenant: GENEROUS, failedAuth: GENEROUS };

export async function createApiTestApp(
  driver: TestDriver,
  options: WebhooksModuleOptions & { api?: WebhooksApiOptions; dashboard?: WebhooksDashboardOptions } = {},
  setup: TestAppSetup = {},
): Promise<ApiTestApp> {
  const t = await createTestApp(driver, { ...options, api: { rateLimit: GENEROUS_RATE_LIMIT, ...options.api } }, setup);
  const api = new ApiClient(t.app.getHttpServer(), undefined, `${setup.globalPrefix ? `/${setup.globalPrefix}` : ''}/${options.api?.prefix ?? 'v1'}`);
  return {
    ...t,
    api,
    async tenant() {
      const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
      const write = await t.apiKeys.create({ tenant, scope: 'write', name: 'tests' });
      const read = await t.apiKeys.create({ tenant, scope: 'read' });
      return { tenant, write: api.as(write.key), read: api.as(read.key) };
    },
  };
}
