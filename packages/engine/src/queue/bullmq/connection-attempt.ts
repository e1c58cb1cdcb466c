import type { Redis } from 'ioredis';
import { waitAtMost } from '../wait-at-most';

/**
 * Waits, at most `maxMs`, for a connection attempt already under way (above all the first one,
 * right after start-up) to succeed or fail. It never waits out a reconnect backoff: then Redis
 * is down and the caller should fail fast.
 */
export async function awaitConnectionAttempt(client: Redis, maxMs: number): Promise<void> {
  if (client.status !== 'connecting' && client.status !== 'connect') return;
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const events = ['ready', 'close', 'end'] as const;
  for (const event of events) client.once(event, settle);
  try {
    await waitAtMost(settled, maxMs);
  } finally {
    for (const event of events) client.off(event, settle);
  }
}
