/** `[::1]:8080`, or a hostname, IPv4 address or IPv4 CIDR with `:port`; anything else has no port. */
const WITH_PORT = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/;

/** One allowedHosts entry split into what it names and the one port it opens, if it names one. */
export function splitAllowlistEntry(entry: string): { host: string; port?: number } {
  const match = WITH_PORT.exec(entry);
  if (!match) return { host: entry };
  const port = Number(match[3]);
  return port >= 1 && port <= 65_535 ? { host: match[1] ?? match[2], port } : { host: entry };
}

/** The port a URL or a connection goes to, its scheme's default when it names none. */
export function portOf(protocol: string, port: string | number | undefined): number {
  return Number(port) || (protocol === 'https:' ? 443 : 80);
}
