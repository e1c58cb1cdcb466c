/**
 * Where spans and trace context come from: `auto` uses `@opentelemetry/api` when the host has it
 * installed, `opentelemetry` requires it, `off` never loads it (an explicit `traceContext` still travels).
 */
export type TracingMode = 'auto' | 'opentelemetry' | 'off';

export const TRACING_MODES: readonly TracingMode[] = ['auto', 'opentelemetry', 'off'];
