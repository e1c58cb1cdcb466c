import { unixSeconds, type Clock } from '../clock';
import { WebhookVerificationError } from './webhook-verification-error';

/** Rejects a signed timestamp further than `toleranceSec` from now in either direction; the edge itself passes. */
export function assertWithinTolerance(timestamp: number, clock: Clock, toleranceSec: number): void {
  const now = unixSeconds(clock.now());
  if (now - timestamp > toleranceSec) throw WebhookVerificationError.timestampTooOld(now - timestamp, toleranceSec);
  // A future timestamp is checked too: a sender with a fast clock could otherwise mint
  // signatures that stay replayable long after the tolerance should have expired them.
  if (timestamp - now > toleranceSec) throw WebhookVerificationError.timestampInFuture(timestamp - now, toleranceSec);
}
