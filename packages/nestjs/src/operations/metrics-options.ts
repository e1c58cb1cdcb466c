export const HOOKLINE_METRICS_OPTIONS = Symbol('HOOKLINE_METRICS_OPTIONS');

/** Off by default: the figures span every tenant, so exposing them is the operator's decision. */
export interface WebhooksMetricsOptions {
  enabled?: boolean;
  /** When set, scrapers must send `Authorization: Bearer <token>`. */
  token?: string;
}

export interface ResolvedMetricsOptions {
  enabled: boolean;
  token?: string;
}

export function resolveMetricsOptions(options: WebhooksMetricsOptions | boolean = false): ResolvedMetricsOptions {
  if (typeof options === 'boolean') return { enabled: options };
  return { enabled: options.enabled ?? true, token: options.token };
}
