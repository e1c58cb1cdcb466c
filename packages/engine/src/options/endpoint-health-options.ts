/** The circuit breaker and auto-disable, with every default applied (see resolve-options.ts). */
export interface EndpointHealthOptions {
  enabled: boolean;
  /** Consecutive failed attempts that open the circuit, together with `openAfterMs`. */
  failureThreshold: number;
  /** The failures must span at least this long without a success: a burst of one moment is not an outage. */
  openAfterMs: number;
  /** The first probe goes this long after the circuit opens; each gap then doubles up to `probeIntervalMs`. */
  firstProbeAfterMs: number;
  /** The longest gap between probes while the circuit stays open. */
  probeIntervalMs: number;
  /** A subscription failing continuously this long is disabled. */
  autoDisableAfterMs: number;
}
