/** The resolved WebhooksDashboardOptions. */
export const HOOKLINE_DASHBOARD_OPTIONS = Symbol('HOOKLINE_DASHBOARD_OPTIONS');
