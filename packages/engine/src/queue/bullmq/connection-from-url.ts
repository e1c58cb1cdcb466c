import { QueueConfigError } from '../queue-config-error';
import type { BullMqConnectionOptions } from './redis-connection-options';

const USAGE = 'Expected redis://[[username]:password@]host[:port][/db] (or rediss:// for TLS).';

/** Turns `redis://[:password@]host:port[/db]` (or `rediss://`) into connection options. */
export function bullMqConnectionFromUrl(url: string): BullMqConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL may hold a password: never echo it back.
    throw new QueueConfigError(`The Redis URL is malformed. ${USAGE}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueConfigError(`The Redis URL has protocol "${parsed.protocol}". ${USAGE}`);
  }
  if (!parsed.hostname) throw new QueueConfigError(`The Redis URL has no host. ${USAGE}`);

  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) {
    throw new QueueConfigError(`The Redis URL's database "${dbText}" is not a number. ${USAGE}`);
  }

  return {
    // URL keeps IPv6 hosts in brackets ("[::1]"); sockets want them bare.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(parsed.username !== '' && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password !== '' && { password: decodeURIComponent(parsed.password) }),
    ...(dbText !== '' && { db: Number(dbText) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
  };
}
