import type { EndpointConcurrency } from './endpoint-concurrency';
import type { EndpointHealthOptions } from './endpoint-health-options';
import { RETENTION_DEFAULTS, type ResolvedRetentionOptions } from './retention-options';
import { EventCatalog, loyaltyCatalog, systemClock, type Clock } from '@hookline/core';
import { WebhooksConfigError } from './webhooks-config-error';
import { checkPlacement, type TablePlacement } from './table-placement';
import type { HooklineOptions, OrderingOnFailure, QueueOptions } from './hookline-options';
import { MIGRATIONS_MODES, type MigrationsMode } from './migrations-mode';
import { dashboardUrlProblem } from './dashboard-url';
import { TRACING_MODES, type TracingMode } from './tracing-mode';

// A fixed key for development only: secrets stay encrypted at rest, but anyone can read them.
const DEVELOPMENT_KEY = Buffer.alloc(32, 'hookline-development-only-key!!').toString('base64');

/** Options with every default applied: the one place defaults live. */
export interface ResolvedWebhooksOptions {
  queue: QueueOptions;
  encryptionKeys: string[];
  usingDevelopmentKey: boolean;
  catalog: EventCatalog;
  testEventType?: string;
  worker: {
    enabled: boolean;
    concurrency: number;
    batchSize: number;
    shutdownGraceMs: number;
    leaseMarginMs: number;
    /** Bounds of each subscription's adaptive limit of attempts in flight per process; min = max when fixed. */
    endpointConcurrency: EndpointConcurrency;
  };
  sweeper: { enabled: boolean; intervalMs: number; staleAfterMs: number; batchSize: number };
  delivery: NonNullable<HooklineOptions['delivery']> & { timeoutMs: number };
  maxPayloadBytes: number;
  enqueueWindowMs: number;
  secretGraceSeconds: number;
  retention: ResolvedRetentionOptions;
  /** `schema` / `tablePrefix`: the placement the DataSource's entities must have, when the options name one. */
  database: { preparedStatements: boolean } & TablePlacement;
  migrations: MigrationsMode;
  ordering: { onFailure: OrderingOnFailure };
  endpointHealth: EndpointHealthOptions;
  portal: { dashboardUrl: string | null };
  tracing: TracingMode;
  clock: Clock;
  raw: HooklineOptions;
}

export function resolveOptions(options: HooklineOptions = {}, env = process.env): ResolvedWebhooksOptions {
  const keys = options.encryptionKey === undefined ? [] : [options.encryptionKey].flat();
  const development = env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
  if (keys.length === 0 && !development) {
    throw new WebhooksConfigError(
      'Hookline needs `encryptionKey` (32 random bytes, base64) to encrypt subscription secrets at rest; only NODE_ENV=development or test may omit it.',
      { pointer: '/encryptionKey' },
    );
  }
  const worker = {
    enabled: options.worker?.enabled ?? true,
    concurrency: positiveInt(options.worker?.concurrency ?? 20, '/worker/concurrency'),
    batchSize: positiveInt(options.worker?.batchSize ?? 100, '/worker/batchSize'),
    shutdownGraceMs: nonNegative(options.worker?.shutdownGraceMs ?? 10_000, '/worker/shutdownGraceMs'),
    leaseMarginMs: nonNegative(options.worker?.leaseMarginMs ?? 30_000, '/worker/leaseMarginMs'),
    endpointConcurrency: resolveEndpointConcurrency(options.worker ?? {}),
  };
  const sweeper = {
    enabled: options.sweeper?.enabled ?? worker.enabled,
    intervalMs: positiveInt(options.sweeper?.intervalMs ?? 5_000, '/sweeper/intervalMs'),
    staleAfterMs: nonNegative(options.sweeper?.staleAfterMs ?? 10_000, '/sweeper/staleAfterMs'),
    batchSize: positiveInt(options.sweeper?.batchSize ?? 1_000, '/sweeper/batchSize'),
  };
  const queue = options.queue ?? { driver: 'in-process' };
  if (queue.driver !== 'in-process' && queue.driver !== 'bullmq') {
    throw new WebhooksConfigError(`Unknown queue driver "${(queue as { driver: string }).driver}"; use "in-process" or "bullmq".`, {
      pointer: '/queue/driver',
    });
  }
  if (queue.driver === 'bullmq' && !queue.connection) {
    throw new WebhooksConfigError('The bullmq queue driver needs `connection` (host/port or a redis:// URL).', {
      pointer: '/queue/connection',
    });
  }
  const catalog = resolveCatalog(options.catalog);
  if (options.testEventType !== undefined && !catalog.has(options.testEventType)) {
    throw new WebhooksConfigError(`testEventType "${options.testEventType}" is not in the event catalog; register it or leave the option out.`, {
      pointer: '/testEventType',
    });
  }
  return {
    queue,
    encryptionKeys: keys.length > 0 ? keys : [DEVELOPMENT_KEY],
    usingDevelopmentKey: keys.length === 0,
    catalog,
    testEventType: options.testEventType,
    worker,
    sweeper,
    delivery: { ...options.delivery, timeoutMs: options.delivery?.timeoutMs ?? 15_000 },
    maxPayloadBytes: positiveInt(options.maxPayloadBytes ?? 256 * 1024, '/maxPayloadBytes'),
    enqueueWindowMs: nonNegative(options.enqueueWindowMs ?? (queue.driver === 'bullmq' ? 2 : 0), '/enqueueWindowMs'),
    secretGraceSeconds: nonNegative(options.secretGraceSeconds ?? 86_400, '/secretGraceSeconds'),
    database: { preparedStatements: options.database?.preparedStatements ?? true, ...checkPlacement({ schema: options.database?.schema, tablePrefix: options.database?.tablePrefix }) },
    migrations: resolveMigrations(options.migrations, env),
    ordering: { onFailure: resolveOnFailure(options.ordering?.onFailure) },
    endpointHealth: {
      enabled: options.endpointHealth?.enabled ?? true,
      failureThreshold: positiveInt(options.endpointHealth?.failureThreshold ?? 10, '/endpointHealth/failureThreshold'),
      openAfterMs: nonNegative(options.endpointHealth?.openAfterMs ?? 10_000, '/endpointHealth/openAfterMs'),
      firstProbeAfterMs: positiveInt(options.endpointHealth?.firstProbeAfterMs ?? 5_000, '/endpointHealth/firstProbeAfterMs'),
      probeIntervalMs: positiveInt(options.endpointHealth?.probeIntervalMs ?? 5 * 60_000, '/endpointHealth/probeIntervalMs'),
      autoDisableAfterMs: positiveInt(options.endpointHealth?.autoDisableAfterMs ?? 5 * 24 * 60 * 60 * 1000, '/endpointHealth/autoDisableAfterMs'),
    },
    retention: {
      enabled: options.retention?.enabled ?? RETENTION_DEFAULTS.enabled,
      attemptsDays: positive(options.retention?.attemptsDays ?? RETENTION_DEFAULTS.attemptsDays, '/retention/attemptsDays'),
      deliveredMessagesDays: positive(options.retention?.deliveredMessagesDays ?? RETENTION_DEFAULTS.deliveredMessagesDays, '/retention/deliveredMessagesDays'),
      failedMessagesDays: positive(options.retention?.failedMessagesDays ?? RETENTION_DEFAULTS.failedMessagesDays, '/retention/failedMessagesDays'),
      inboxDays: positive(options.retention?.inboxDays ?? RETENTION_DEFAULTS.inboxDays, '/retention/inboxDays'),
      intervalMs: positiveInt(options.retention?.intervalMs ?? RETENTION_DEFAULTS.intervalMs, '/retention/intervalMs'),
      batchSize: positiveInt(options.retention?.batchSize ?? RETENTION_DEFAULTS.batchSize, '/retention/batchSize'),
    },
    portal: { dashboardUrl: resolveDashboardUrl(options.portal?.dashboardUrl) },
    tracing: resolveTracing(options.tracing),
    clock: options.clock ?? systemClock,
    raw: options,
  };
}

function resolveTracing(mode: HooklineOptions['tracing']): TracingMode {
  if (mode === undefined) return 'auto';
  if (TRACING_MODES.includes(mode)) return mode;
  throw new WebhooksConfigError(`tracing must be one of ${TRACING_MODES.map((m) => `"${m}"`).join(', ')}; got ${JSON.stringify(mode)}.`, { pointer: '/tracing' });
}

function resolveDashboardUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  const problem = dashboardUrlProblem(url);
  if (problem) throw new WebhooksConfigError(`portal.dashboardUrl ${problem}`, { pointer: '/portal/dashboardUrl' });
  return url;
}

/** Production refuses to start behind rather than altering tables on its own; everywhere else start-up migrates. */
function resolveMigrations(mode: HooklineOptions['migrations'], env: NodeJS.ProcessEnv): MigrationsMode {
  if (mode === undefined) return env.NODE_ENV === 'production' ? 'check' : 'auto';
  if (!MIGRATIONS_MODES.includes(mode)) {
    throw new WebhooksConfigError(`migrations must be 'auto', 'check' or 'off', got ${JSON.stringify(mode)}.`, { pointer: '/migrations' });
  }
  return mode;
}

const ENDPOINT_CONCURRENCY_DEFAULTS: EndpointConcurrency = { min: 1, max: 100, initial: 10 };

/** The adaptive bounds, or a fixed limit from `perSubscriptionConcurrency` (the older, fixed form); not both. */
function resolveEndpointConcurrency(worker: NonNullable<HooklineOptions['worker']>): EndpointConcurrency {
  const fixed = worker.perSubscriptionConcurrency;
  if (fixed !== undefined) {
    if (worker.endpointConcurrency !== undefined) {
      throw new WebhooksConfigError('Give worker.endpointConcurrency or worker.perSubscriptionConcurrency (a fixed limit), not both.', {
        pointer: '/worker/perSubscriptionConcurrency',
      });
    }
    const limit = positiveInt(fixed, '/worker/perSubscriptionConcurrency');
    return { min: limit, max: limit, initial: limit };
  }
  const given = worker.endpointConcurrency ?? {};
  const min = positiveInt(given.min ?? Math.min(ENDPOINT_CONCURRENCY_DEFAULTS.min, given.max ?? Infinity), '/worker/endpointConcurrency/min');
  const max = positiveInt(given.max ?? Math.max(ENDPOINT_CONCURRENCY_DEFAULTS.max, min), '/worker/endpointConcurrency/max');
  if (max < min) throw new WebhooksConfigError(`/worker/endpointConcurrency/max (${max}) must be at least min (${min}).`, { pointer: '/worker/endpointConcurrency/max' });
  const initial = positiveInt(given.initial ?? Math.min(max, Math.max(min, ENDPOINT_CONCURRENCY_DEFAULTS.initial)), '/worker/endpointConcurrency/initial');
  if (initial < min || initial > max) {
    throw new WebhooksConfigError(`/worker/endpointConcurrency/initial (${initial}) must lie between min (${min}) and max (${max}).`, {
      pointer: '/worker/endpointConcurrency/initial',
    });
  }
  return { min, max, initial };
}

function resolveCatalog(catalog: HooklineOptions['catalog']): EventCatalog {
  if (catalog instanceof EventCatalog) return catalog;
  if (Array.isArray(catalog)) return new EventCatalog(catalog);
  return loyaltyCatalog();
}

function positiveInt(value: number, pointer: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new WebhooksConfigError(`${pointer} must be a positive integer, got ${String(value)}.`, { pointer });
  }
  return value;
}

function positive(value: number, pointer: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new WebhooksConfigError(`${pointer} must be a positive number, got ${String(value)}.`, { pointer });
  }
  return value;
}

function nonNegative(value: number, pointer: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new WebhooksConfigError(`${pointer} must be a non-negative number, got ${String(value)}.`, { pointer });
  }
  return value;
}

function resolveOnFailure(onFailure: unknown): OrderingOnFailure {
  if (onFailure === undefined || onFailure === 'continue' || onFailure === 'block') return onFailure ?? 'continue';
  throw new WebhooksConfigError(`ordering.onFailure must be 'continue' or 'block', got ${JSON.stringify(onFailure)}.`, { pointer: '/ordering/onFailure' });
}
