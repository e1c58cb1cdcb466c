import { MAX_RATE_PER_MINUTE, MAX_RATE_PER_SECOND, rateLimitIssue, type RateLimit } from '@hookline/engine';

/** `rate_limit` as the OpenAPI document shows it, in requests and in the subscription resource. */
export const RATE_LIMIT_SCHEMA = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  properties: {
    per_second: { type: 'integer', minimum: 1, maximum: MAX_RATE_PER_SECOND, description: 'Attempts per second at most; bursts of up to this many at once.' },
    per_minute: { type: 'integer', minimum: 1, maximum: MAX_RATE_PER_MINUTE, description: 'Attempts per minute at most, paced evenly (bursts of one second worth).' },
  },
  example: { per_second: 20 },
} as const;

export interface RateLimitBody {
  per_second?: number | null;
  per_minute?: number | null;
}

const FIELDS: Record<string, keyof RateLimit> = { per_second: 'perSecond', per_minute: 'perMinute' };

/** The body's `rate_limit` as the service takes it; undefined stays undefined (unchanged), null null (no limit). Call after {@link rateLimitBodyIssue}. */
export function rateLimitInput(body: unknown): RateLimit | null | undefined {
  if (body === undefined || body === null) return body;
  const given = body as Record<string, number | null | undefined>;
  const input: RateLimit = {};
  for (const [field, key] of Object.entries(FIELDS)) if (given[field] != null) input[key] = given[field] as number;
  return input;
}

/** What is wrong with the body's `rate_limit`, at its pointer: a field the API does not take, or what the service refuses. */
export function rateLimitBodyIssue(body: unknown): { pointer: string; detail: string } | undefined {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const unknown = Object.keys(body).find((key) => !(key in FIELDS));
    if (unknown !== undefined) return { pointer: `/rate_limit/${unknown}`, detail: 'rate_limit takes per_second and per_minute only.' };
    const given = body as Record<string, unknown>;
    // Checked as given, so a value the mapping would drop (a string, a fraction) is still named.
    return rateLimitIssue(Object.fromEntries(Object.entries(FIELDS).map(([field, key]) => [key, given[field]])));
  }
  return rateLimitIssue(body);
}

/** The resource's `rate_limit`: null without a limit, else the limits that are set. */
export function rateLimitAttributes(rateLimit: RateLimit | null): RateLimitBody | null {
  if (!rateLimit) return null;
  return { ...(rateLimit.perSecond !== undefined && { per_second: rateLimit.perSecond }), ...(rateLimit.perMinute !== undefined && { per_minute: rateLimit.perMinute }) };
}
