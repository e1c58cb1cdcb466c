/** How long the delivery log keeps what. Days, so the defaults read as the policy they are. */
export interface RetentionOptions {
  enabled?: boolean;
  /** Attempt rows (request/response excerpts) older than this go first. */
  attemptsDays?: number;
  /** Messages whose every delivery was delivered. */
  deliveredMessagesDays?: number;
  /** Messages with a failed delivery: kept for replay this long. Pending deliveries are never pruned. */
  failedMessagesDays?: number;
  /** Ids of received webhooks in the inbox (processOnce): longer than any sender retries a webhook. */
  inboxDays?: number;
  intervalMs?: number;
  /** Rows per statement, so no prune holds locks for long. */
  batchSize?: number;
}

export interface ResolvedRetentionOptions {
  enabled: boolean;
  attemptsDays: number;
  deliveredMessagesDays: number;
  failedMessagesDays: number;
  inboxDays: number;
  intervalMs: number;
  batchSize: number;
}

export const RETENTION_DEFAULTS: ResolvedRetentionOptions = {
  enabled: true,
  attemptsDays: 30,
  deliveredMessagesDays: 30,
  failedMessagesDays: 90,
  inboxDays: 30,
  intervalMs: 60 * 60 * 1000,
  batchSize: 1_000,
};
