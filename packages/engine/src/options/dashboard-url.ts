/** Why `value` cannot be the dashboard's public URL, or null when it can: absolute http(s), no fragment (the token goes there). */
export function dashboardUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `must be the dashboard's absolute URL, such as "https://api.example.com/v1/dashboard", got ${JSON.stringify(value)}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute URL such as "https://api.example.com/v1/dashboard", got "${value}".`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be an http:// or https:// URL, got "${value}".`;
  if (value.includes('#')) return `must have no fragment (#…): the session token goes there; got "${value}".`;
  return null;
}
