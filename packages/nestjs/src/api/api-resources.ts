/** The API's top-level paths, under the prefix. */
export const API_RESOURCES = ['webhook-subscriptions', 'deliveries', 'messages', 'event-types', 'caller', 'portal-sessions'] as const;
