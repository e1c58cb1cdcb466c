import type { MigrationsMode } from './migrations-mode';
import type { TracingMode } from './tracing-mode';
import type { RetentionOptions } from './retention-options';
import type {
  Clock,
  EventCatalog,
  EventTypeDefinition,
  ProfileInput,
  RetryPolicy,
  RetryPolicyOptions,
  Transport,
} from '@hookline/core';

export type QueueOptions =
  | { driver: 'in-process' }
  | {
      driver: 'bullmq';
      /** ioredis connection options, or a `redis://` URL. */
      connection: { host?: string; port?: number; password?: string; db?: number } | string;
      /** Redis key prefix, so several apps can share one Redis. */
      prefix?: string;
      queueName?: string;
    };

/** Everything a host configures. Every field is optional except where noted in the README. */
/** See `ordering.onFailure`. */
export type OrderingOnFailure = 'continue' | 'block';

export interface HooklineOptions {
  queue?: QueueOptions;
  /** 32 bytes, base64 or hex, newest first; required unless NODE_ENV is development or test. */
  encryptionKey?: string | string[];
  /** The module's wire profile; a subscription may override it with another profile's name. */
  profile?: ProfileInput;
  /** Extra named profiles subscriptions may choose, beside the built-in ones. */
  profiles?: Record<string, ProfileInput>;
  catalog?: EventCatalog | EventTypeDefinition[];
  /** The catalog type the REST API's "send test" sends, with its example as data (default `test`, else `webhook.test`). */
  testEventType?: string;
  /** Overrides the profile's retry schedule. */
  retry?: RetryPolicyOptions | RetryPolicy;
  delivery?: {
    timeoutMs?: number;
    allowHttp?: boolean;
    allowedHosts?: string[];
    maxResponseBytes?: number;
    /** The HTTP client: `'undici'` (default), `'axios'`, or your own Transport (closed by you). */
    transport?: 'axios' | 'undici' | Transport;
  };
  worker?: {
    /** Consume deliveries in this process (default true). Turn off in API-only processes. */
    enabled?: boolean;
    /** Jobs handled at once by this process. */
    concurrency?: number;
    /** How many deliveries of one publish travel in one job (default 100). */
    batchSize?: number;
    /** How long shutdown waits for in-flight attempts. */
    shutdownGraceMs?: number;
    /**
     * A claim lasts the HTTP timeout plus this margin. After a worker dies, its deliveries wait
     * this long before another worker may take them: shorter recovers sooner, longer tolerates
     * a stalled event loop without double sends.
     */
    leaseMarginMs?: number;
    /**
     * Bounds of each subscription's limit of attempts in flight, per worker process (default
     * `{ min: 1, max: 100, initial: 10 }`). The limit adapts to the endpoint: it grows while its
     * answers stay as fast as usual and shrinks on timeouts, 5xx, 429 and rising latency. Past it
     * a delivery waits for the next free slot; a slow endpoint's overflow is deferred instead.
     */
    endpointConcurrency?: { min?: number; max?: number; initial?: number };
    /** A fixed limit instead of an adaptive one: the same as `endpointConcurrency: { min: n, max: n, initial: n }`. */
    perSubscriptionConcurrency?: number;
  };
  sweeper?: {
    enabled?: boolean;
    intervalMs?: number;
    /** A due delivery is re-enqueued only once it has waited this long unclaimed. */
    staleAfterMs?: number;
    batchSize?: number;
  };
  /** Largest serialized `data` accepted by publish (bytes). */
  maxPayloadBytes?: number;
  /**
   * While other publishes are still writing their rows, a publish's new deliveries wait for them,
   * at most this long, to share one job (and its claim and outcome write). A publish with none
   * beside it never waits. Default 2 ms on BullMQ, 0 in-process (whose handlers merge a backlog
   * themselves).
   */
  enqueueWindowMs?: number;
  /** How long a rotated-out secret keeps signing (seconds). */
  secretGraceSeconds?: number;
  /** Circuit breaker and auto-disable of failing endpoints. */
  endpointHealth?: {
    enabled?: boolean;
    /** Consecutive failed attempts that open the circuit (default 10)… */
    failureThreshold?: number;
    /** …spanning at least this long without a success (default 10 000 ms): a burst of one moment is no outage. */
    openAfterMs?: number;
    /** The first probe goes this long after the circuit opens (default 5 000 ms); the gaps then double. */
    firstProbeAfterMs?: number;
    /** The longest gap between probes while open (default 300 000 ms). */
    probeIntervalMs?: number;
    /** Failing without a single success this long disables the subscription (default 5 days). */
    autoDisableAfterMs?: number;
  };
  /**
   * Masks sensitive fields of `data` wherever a message is shown to people (REST API, dashboard);
   * receivers still get what was published. Return a new value; do not mutate.
   */
  redactPayload?: (eventType: string, data: unknown) => unknown;
  /** How long the delivery log keeps attempts and finished messages; pruned in small batches. */
  retention?: RetentionOptions;
  database?: {
    /**
     * PostgreSQL: run the hot statements (publish, claim, outcome) as named prepared statements
     * (default true). Turn off behind a pooler that cannot keep them per client, such as
     * PgBouncer in transaction mode before 1.21 (or without `max_prepared_statements`).
     */
    preparedStatements?: boolean;
    /**
     * PostgreSQL: the schema holding Hookline's tables (the first migration creates it), so they
     * need not be on the connection's search_path. The DataSource must register
     * `hooklineEntities({ schema })` (WebhooksModule.forRoot does that itself).
     */
    schema?: string;
    /** MySQL/MariaDB: a prefix on Hookline's table names (`hl_` → `hl_webhook_delivery`); register `hooklineEntities({ tablePrefix })`. */
    tablePrefix?: string;
  };
  /**
   * Hookline's tables at start-up: `auto` applies its pending migrations (the default), `check` refuses to
   * start while any is pending (the default with NODE_ENV=production), `off` leaves them alone. Under
   * `synchronize: true` TypeORM owns the schema and both only check the tables exist.
   */
  migrations?: MigrationsMode;
  ordering?: {
    /**
     * What a delivery that failed for good does to the later ones of its ordering key (to the same
     * subscription): `continue` (the default) lets the next go; `block` holds them until it is resent
     * and delivered, so none arrives after a gap.
     */
    onFailure?: OrderingOnFailure;
  };
  /**
   * Embeddable portal sessions (`WebhookPortal.createSession`). `dashboardUrl` is the dashboard's
   * public URL, e.g. `https://api.example.com/v1/dashboard`: the server cannot know its own origin
   * behind proxies, and session URLs are built on it. Without it, pass `dashboardUrl` per session.
   */
  portal?: { dashboardUrl?: string };
  /**
   * Spans and trace context through `@opentelemetry/api` (an optional peer): `auto` (the default)
   * uses it when installed, `opentelemetry` fails at start-up without it, `off` never loads it. A
   * publish's `traceContext` option is stored and sent in every mode.
   */
  tracing?: TracingMode;
  clock?: Clock;
}
