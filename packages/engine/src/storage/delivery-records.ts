import type { DeliveryErrorKind } from '@hookline/core';
import type { TraceContext } from '../tracing/trace-context';
import type { BucketState, RateLimits } from '../rate-limits/rate-bucket';
import type { DeliveryStatus } from './webhook-delivery.entity';

/** Everything a worker needs to attempt one claimed delivery, read in one query. */
export interface DeliveryWork {
  id: string;
  tenant: string;
  messageId: string;
  subscriptionId: string;
  attemptCount: number;
  seriesStartedAt: Date;
  type: string;
  payload: string;
  channels: string | null;
  occurredAt: Date;
  /** Set when the message was published with one: the next delivery of the key waits for this one. */
  orderingKey: string | null;
  /** The trace context the message was published in, null when it had none. */
  trace: TraceContext | null;
  /** Null when the subscription was deleted after the message was published. */
  subscription: {
    url: string;
    profile: string | null;
    isActive: boolean;
    secretCurrentEnc: string;
    secretPreviousEnc: string | null;
    secretPreviousExpiresAt: Date | null;
    /** The subscription's own headers, sealed; null when it has none. */
    headersEnc: string | null;
    /** Consecutive failed attempts; see EndpointHealth. */
    failureStreak: number;
    /** Set while the endpoint's circuit is open: attempts wait until then, when one probe goes. */
    breakerOpenUntil: Date | null;
    /** When the circuit opened; probes back off from it. */
    breakerOpenedAt: Date | null;
    /** The subscription's rate limit and its buckets as the claim read them; null when it has no limit. */
    rate: { limits: RateLimits; state: BucketState } | null;
  } | null;
}

/** The result of one attempt, as it is written back. */
export interface AttemptRecord {
  deliveryId: string;
  tenant: string;
  /** The claim this worker holds; the write only lands while it still holds it. */
  lease: Date;
  attemptId: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  /** The request's and the response's headers, masked, as JSON (see RecordedHeaders); null when no request was built. */
  headers: string | null;
  error: string | null;
  /** How the attempt went, for metrics: `success` or the kind of failure. */
  outcome: 'success' | DeliveryErrorKind;
  /** The endpoint answered 410 Gone: its subscription is disabled after the write. */
  gone?: boolean;
  /** The SSRF guard refused the address it resolved to: failed at once, `delivery.blocked` raised. */
  blocked?: boolean;
  /** What the attempt says about the endpoint's capacity (not stored): its lane's limit and pause. */
  endpoint?: { signal: 'ok' | 'overload' | 'failure' | 'neutral'; pauseMs?: number; asked?: boolean };
  next: { status: DeliveryStatus; attemptCount: number; nextAttemptAt: Date | null; deliveredAt: Date | null };
}

/** A delivery parked without an attempt (its subscription is disabled or gone). */
export interface ParkRecord {
  deliveryId: string;
  lease: Date;
  status: DeliveryStatus;
  error: string;
}

/** A delivery put back, unattempted, for later: its subscription had no free slot. */
export interface DeferRecord {
  deliveryId: string;
  lease: Date;
  nextAttemptAt: Date;
}

/** Outcomes written together, in one transaction. */
export interface OutcomeBatch {
  attempts: AttemptRecord[];
  parked: ParkRecord[];
  deferred: DeferRecord[];
}
