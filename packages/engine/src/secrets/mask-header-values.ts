const MASK = '••••';
/** Values at least this long show their last four characters: enough to tell two keys apart, too little to use. */
const SHOW_TAIL_FROM = 16;

/** One credential-bearing header value as people see it: never in clear. */
export function maskHeaderValue(value: string): string {
  return value.length >= SHOW_TAIL_FROM ? `${MASK}${value.slice(-4)}` : MASK;
}

/** A subscription's headers as views show them: every name, no value in clear. */
export function maskHeaderValues(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, maskHeaderValue(value)]));
}
