const DELTA_SECONDS = /^\s*(\d+)\s*$/;
// Every HTTP-date form (IMF-fixdate, RFC 850, asctime) opens with a day name; requiring it
// keeps Date.parse from turning junk such as "-5" into some year.
const HTTP_DATE = /^\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i;
// asctime carries no zone and Date.parse would read it as local time, but HTTP dates are GMT.
const ZONE = /\b(gmt|utc)\b|[+-]\d{4}\s*$/i;

/**
 * Milliseconds a `Retry-After` header asks us to wait, measured from `now`; `undefined` when
 * the header is not a delta-seconds value or an HTTP-date. A date in the past means 0.
 */
export function parseRetryAfter(value: string, now: Date): number | undefined {
  const seconds = DELTA_SECONDS.exec(value);
  if (seconds) {
    const ms = Number(seconds[1]) * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(value)) return undefined;
  const at = Date.parse(ZONE.test(value) ? value : `${value.trim()} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
