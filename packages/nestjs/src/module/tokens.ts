import { Inject } from '@nestjs/common';
import { WebhookApiKeys, WebhookDeliveries, WebhookMessages, WebhookPortal, WebhookPublisher, WebhookStats, WebhookSubscriptions } from '@hookline/engine';

/** Injection token of the HooklineRuntime behind every provider of the default WebhooksModule. */
export const HOOKLINE_RUNTIME = Symbol('HOOKLINE_RUNTIME');

/** The services a host injects; the default instance registers each under its class. */
export const PUBLIC_SERVICES = { WebhookPublisher, WebhookSubscriptions, WebhookDeliveries, WebhookMessages, WebhookApiKeys, WebhookPortal, WebhookStats } as const;
export type PublicServiceName = keyof typeof PUBLIC_SERVICES;

/** `name` as given to `forRoot({ name })`; none, or `'default'`, is the default instance. */
export const isDefaultInstance = (name?: string): boolean => name === undefined || name === 'default';

/** The token of one public service of the instance called `name`: its class for the default instance. */
export function getServiceToken(service: PublicServiceName, name?: string): string | (typeof PUBLIC_SERVICES)[PublicServiceName] {
  return isDefaultInstance(name) ? PUBLIC_SERVICES[service] : `Hookline:${name}:${service}`;
}

export const getHooklineRuntimeToken = (name?: string): string | symbol => (isDefaultInstance(name) ? HOOKLINE_RUNTIME : `Hookline:${name}:HooklineRuntime`);
export const getWebhookPublisherToken = (name?: string) => getServiceToken('WebhookPublisher', name);
export const getWebhookSubscriptionsToken = (name?: string) => getServiceToken('WebhookSubscriptions', name);
export const getWebhookDeliveriesToken = (name?: string) => getServiceToken('WebhookDeliveries', name);
export const getWebhookMessagesToken = (name?: string) => getServiceToken('WebhookMessages', name);
export const getWebhookApiKeysToken = (name?: string) => getServiceToken('WebhookApiKeys', name);
export const getWebhookStatsToken = (name?: string) => getServiceToken('WebhookStats', name);
export const getWebhookPortalToken = (name?: string) => getServiceToken('WebhookPortal', name);

/** `@InjectWebhookPublisher('billing') publisher: WebhookPublisher`; without a name, the default instance's. */
export const InjectWebhookPublisher = (name?: string) => Inject(getWebhookPublisherToken(name));
export const InjectWebhookSubscriptions = (name?: string) => Inject(getWebhookSubscriptionsToken(name));
export const InjectWebhookDeliveries = (name?: string) => Inject(getWebhookDeliveriesToken(name));
export const InjectWebhookMessages = (name?: string) => Inject(getWebhookMessagesToken(name));
export const InjectWebhookApiKeys = (name?: string) => Inject(getWebhookApiKeysToken(name));
export const InjectWebhookStats = (name?: string) => Inject(getWebhookStatsToken(name));
export const InjectWebhookPortal = (name?: string) => Inject(getWebhookPortalToken(name));
