import type { Clock } from '@hookline/core';
import type { DeliveryStore } from '../storage/delivery-store';

interface Request {
  deliveryId: string;
  resolve(lease: Date | null): void;
}

/**
 * Renews the claim of a delivery that waited in memory for its endpoint's slot long enough that
 * the claim might lapse before its attempt ends. Requests of one tick sharing a lease go in one
 * statement. A claim another worker took meanwhile is not renewed: that delivery is not sent here.
 */
export class LeaseExtender {
  private queued = new Map<number, Request[]>();
  private scheduled = false;

  constructor(
    private readonly store: DeliveryStore,
    private readonly clock: Clock,
    private readonly leaseMs: number,
  ) {}

  /** The new lease, or null when the claim is no longer this worker's. */
  extend(deliveryId: string, heldUntil: Date): Promise<Date | null> {
    return new Promise((resolve) => {
      const key = heldUntil.getTime();
      const group = this.queued.get(key) ?? [];
      group.push({ deliveryId, resolve });
      this.queued.set(key, group);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const queued = this.queued;
    this.queued = new Map();
    this.scheduled = false;
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    for (const [heldUntil, requests] of queued) {
      let extended = new Set<string>();
      try {
        extended = new Set(await this.store.extendClaims(requests.map((r) => r.deliveryId), new Date(heldUntil), lease, now));
      } catch {
        // Unsure whether we still hold them: not sending is safe, the sweeper brings them back.
      }
      for (const request of requests) request.resolve(extended.has(request.deliveryId) ? lease : null);
    }
  }
}
