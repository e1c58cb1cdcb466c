import type { Redis } from 'ioredis';

/**
 * QUIT when connected (pending replies arrive first), otherwise disconnect: with the offline
 * queue off a QUIT would be refused, and the reconnect timer would keep the process alive.
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  // Nobody else listens any more; an error while closing must not surface as unhandled.
  client.on('error', () => undefined);
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Lost the connection mid-QUIT: fall through and drop it.
    }
  }
  client.disconnect();
}
