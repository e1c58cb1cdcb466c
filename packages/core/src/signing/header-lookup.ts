import { WebhookVerificationError } from './webhook-verification-error';

/** Request headers as Node (lowercased names, arrays for repeats) or a user's object literal gives them. */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * One header's value whatever the case of its name: Node lowercases incoming names, while
 * options name headers as the docs spell them. A repeated header counts by its first value.
 */
export function readHeader(headers: IncomingHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  let value = headers[lower] ?? headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === lower);
    value = key === undefined ? undefined : headers[key];
  }
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first === '' ? undefined : first;
}

/** Like readHeader, but a missing header fails verification. */
export function requireHeader(headers: IncomingHeaders, name: string): string {
  const value = readHeader(headers, name);
  if (value === undefined) throw WebhookVerificationError.missingHeader(name);
  return value;
}
