import { timingSafeEqual } from 'node:crypto';
import type { ResolvedMetricsOptions } from './metrics-options';

/**
 * Whether a request may read figures that span every tenant (metrics, health details): metrics
 * are enabled and the request carries the metrics token, when one is configured.
 */
export function mayReadOperationalFigures(options: ResolvedMetricsOptions, authorization: string | undefined): boolean {
  if (!options.enabled) return false;
  if (!options.token) return true;
  return sameToken(authorization?.replace(/^Bearer\s+/i, '') ?? '', options.token);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
