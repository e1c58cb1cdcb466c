import type { TimestampFormat } from './signer-options';

const UNIX_SECONDS = /^\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The timestamp as the header shows it; this exact text is also what gets signed. */
export function formatTimestamp(unix: number, format: TimestampFormat): string {
  return format === 'iso' ? new Date(unix * 1000).toISOString() : String(unix);
}

/** Unix seconds from a header's text, or undefined when the text is not in `format`. */
export function parseTimestamp(text: string, format: TimestampFormat): number | undefined {
  if (format === 'iso') {
    const ms = ISO_8601.test(text) ? Date.parse(text) : NaN;
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  }
  const seconds = UNIX_SECONDS.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

export function describeTimestampFormat(format: TimestampFormat): string {
  return format === 'iso' ? 'an ISO 8601 time such as 2026-02-18T12:00:00.000Z' : 'whole unix seconds';
}
