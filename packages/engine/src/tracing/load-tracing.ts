import { assertInstalled, MissingDependencyError } from '@hookline/core';
import { openTelemetryTracing, type OpenTelemetryApi } from './opentelemetry-tracing';
import { NO_TRACING, type Tracing } from './tracing';
import type { TracingMode } from '../options/tracing-mode';

const OPENTELEMETRY_API = '@opentelemetry/api';

/**
 * The tracing for `mode`, loaded once per Hookline instance: `@opentelemetry/api` is an optional
 * peer, so without it (and under `auto`) deliveries do no tracing work at all. `load` is `require`
 * but for tests.
 */
export function loadTracing(mode: TracingMode, load: (name: string) => unknown = require): Tracing {
  if (mode === 'off') return NO_TRACING;
  try {
    assertInstalled({ packages: [OPENTELEMETRY_API], neededFor: "tracing: 'opentelemetry'", pointer: '/tracing' }, load);
  } catch (error) {
    if (mode === 'auto' && error instanceof MissingDependencyError) return NO_TRACING;
    throw error;
  }
  return openTelemetryTracing(load(OPENTELEMETRY_API) as OpenTelemetryApi);
}
