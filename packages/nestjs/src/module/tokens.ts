/** Injection token of the HooklineRuntime behind every provider of one WebhooksModule. */
export const HOOKLINE_RUNTIME = Symbol('HOOKLINE_RUNTIME');
