// How values read on screen. Pure functions: unit-tested in format.spec.ts.

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** "2024-05-01 14:03:09" in the browser's time zone; "—" for nothing. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "14:03" for a chart's time axis, with the date when the span is longer than a day. */
export function formatAxisTime(date, spanMs) {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return spanMs > 86_400_000 ? `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}` : time;
}

/** "840 ms", "1.2 s", "3.5 min". */
export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trimZero((ms / 1000).toFixed(1))} s`;
  return `${trimZero((ms / 60_000).toFixed(1))} min`;
}

/** 0.995 → "99.5%"; null → "—". */
export function formatPercent(rate) {
  if (rate === null || rate === undefined) return '—';
  return `${trimZero((rate * 100).toFixed(1))}%`;
}

/** The first `max` characters, with an ellipsis when cut. */
export function truncate(text, max) {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a delivery's or attempt's status looks like: ok, waiting, bad or busy. */
export function statusTone(status) {
  return { delivered: 'ok', pending: 'warn', failed: 'bad', sending: 'busy' }[status] ?? 'neutral';
}

/** The tone of an HTTP status code, or "bad" when no response came. */
export function codeTone(code) {
  if (code === null || code === undefined) return 'bad';
  if (code >= 200 && code < 300) return 'ok';
  return code >= 500 || code === 410 ? 'bad' : 'warn';
}

/** An ISO time as the value of an <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> as an ISO time, or undefined when empty or invalid. */
export function fromLocalInput(value) {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function trimZero(fixed) {
  return fixed.replace(/\.0$/, '');
}

/** A JSON text indented to read; any other text as it is. */
export function prettyJson(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return String(text);
  }
}

/** The size of a text as UTF-8, the way it travels: "212 bytes". */
export function formatByteSize(text) {
  const bytes = new TextEncoder().encode(text).length;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
