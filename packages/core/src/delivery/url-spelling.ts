import { UnsafeUrlError } from './unsafe-url-error';

// WHATWG parsers drop tabs and newlines, trim spaces and controls, and read `\` as `/`; other
// parsers (log shippers, exports, a host's own code) do not, so such a URL means two things.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const AMBIGUOUS = /[\u0000-\u0020\u007f-\u009f\\\s]/u;

/**
 * Refuses a URL whose text holds a control character, whitespace or a backslash, so the text
 * stored is the text checked and every reader of it sees the same host.
 */
export function assertUnambiguousUrl(url: string): void {
  const match = AMBIGUOUS.exec(url);
  if (!match) return;
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new UnsafeUrlError(
    `Refusing a webhook URL with ${code} at position ${match.index}: control characters, whitespace and "\\" read differently in different URL parsers. Remove it, or percent-encode it (%20 for a space, %5C for "\\").`,
  );
}
