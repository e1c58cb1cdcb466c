/** An expectation about sent webhooks failed; the message lists what was sent instead. */
export class WebhookAssertionError extends Error {
  readonly code = 'HOOKLINE_WEBHOOK_ASSERTION';

  constructor(message: string) {
    super(message);
    this.name = 'WebhookAssertionError';
  }
}
