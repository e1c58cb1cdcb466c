import type { Clock } from '@hookline/core';
import type { SqlRunner } from '../storage/sql-runner';
import type { OperationalEvents } from './operational-events';

/** Turns a subscription off with a stated reason, and says so once. */
export class SubscriptionDisabler {
  constructor(
    private readonly sql: SqlRunner,
    private readonly events: OperationalEvents,
    private readonly clock: Clock,
  ) {}

  async disable(subscriptionId: string, tenant: string, reason: string): Promise<void> {
    const changed = await this.sql.execute(
      `UPDATE ${this.sql.tables.subscription} SET is_active = :inactive, disabled_reason = :reason, updated_at = :now
        WHERE id = :id AND is_active = :active`,
      { id: subscriptionId, reason, now: this.clock.now().getTime(), active: true, inactive: false },
    );
    if (changed > 0) this.events.emit('endpoint.disabled', { subscriptionId, tenant, reason });
  }
}
