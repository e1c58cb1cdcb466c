import { builtHeaderNames, generateSecret, isHooklineError, newId, type Clock, type EventCatalog } from '@hookline/core';
import type { DataSource, Repository } from 'typeorm';
import type { ProfileRegistry } from '../options/profile-registry';
import type { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import type { SubscriptionHeaders } from '../secrets/subscription-headers';
import type { SubscriptionSecrets } from '../secrets/subscription-secrets';
import type { SqlRunner } from '../storage/sql-runner';
import { WebhookSubscriptionEntity } from '../storage/webhook-subscription.entity';
import { checkSubscriptionUrl } from './check-subscription-url';
import { InvalidSubscriptionError, InvalidSubscriptionHeaderError, SubscriptionNotFoundError } from './subscription-errors';
import { subscriptionHeaderIssues } from './subscription-header-issues';
import type {
  CreateSubscriptionInput,
  ListSubscriptionsInput,
  Page,
  TenantScope,
  UpdateSubscriptionInput,
} from './subscription-input';
import { toSubscriptionView, type SubscriptionView, type SubscriptionWithSecret } from './subscription-view';
import { pageSize } from '../paging/page-size';
import { InvalidRateLimitError, rateLimitColumns, rateLimitIssue, type RateLimit } from '../rate-limits/rate-limit';

export interface WebhookSubscriptionsDeps {
  dataSource: DataSource;
  sql: SqlRunner;
  catalog: EventCatalog;
  profiles: ProfileRegistry;
  secrets: SubscriptionSecrets;
  headers: SubscriptionHeaders;
  enqueuer: DeliveryEnqueuer;
  clock: Clock;
  urlGuard: { allowHttp?: boolean; allowedHosts?: readonly string[] };
  secretGraceSeconds: number;
}

/** Subscriptions: an endpoint, the events it wants, and the secret its deliveries are signed with. */
export class WebhookSubscriptions {
  private readonly repo: Repository<WebhookSubscriptionEntity>;

  constructor(private readonly deps: WebhookSubscriptionsDeps) {
    this.repo = deps.dataSource.getRepository<WebhookSubscriptionEntity>(WebhookSubscriptionEntity.name);
  }

  /** Creates a subscription; the returned `secret` is never shown again, nor are its headers' values. */
  async create(input: CreateSubscriptionInput): Promise<SubscriptionWithSecret> {
    const tenant = this.checkTenant(input.tenant);
    const profile = input.profile ?? null;
    this.checkUrl(input.url);
    this.checkEvents(input.events);
    this.checkProfile(profile);
    const channels = this.checkChannels(input.channels);
    const headers = this.checkHeaders(input.headers, profile);
    const rateLimit = this.checkRateLimit(input.rateLimit);
    const secret = generateSecret({ scheme: this.deps.profiles.forSubscription(profile).profile.signer.scheme });
    const now = this.deps.clock.now();
    const row = this.repo.create({
      id: newId('subscription', now.getTime()),
      tenant,
      url: input.url,
      events: [...new Set(input.events)],
      channels,
      description: this.checkDescription(input.description),
      isActive: true,
      disabledReason: null,
      profile,
      secretCurrentEnc: this.deps.secrets.seal(secret),
      secretPreviousEnc: null,
      secretPreviousExpiresAt: null,
      headersEnc: this.deps.headers.seal(headers),
      ...rateLimitColumns(rateLimit),
      rateSecondTatUs: null,
      rateMinuteTatUs: null,
      rateLimitedUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    // The view is taken first: on MySQL, insert() writes the columns with defaults back into the row as the driver read them (is_active as 1).
    const view = toSubscriptionView(row, headers);
    await this.repo.insert(row);
    return { ...view, secret };
  }

  /** One tenant's subscriptions, oldest first, `limit` (≤ MAX_PAGE_SIZE) at a time. */
  async list(input: ListSubscriptionsInput): Promise<Page<SubscriptionView>> {
    const limit = pageSize(input.limit);
    const query = this.repo
      .createQueryBuilder('s')
      .where('s.tenant = :tenant', { tenant: input.tenant })
      .orderBy('s.id', 'ASC')
      .take(limit + 1);
    if (input.cursor) query.andWhere('s.id > :cursor', { cursor: input.cursor });
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    return { data: page.map((row) => this.view(row)), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async get(id: string, scope: TenantScope = {}): Promise<SubscriptionView> {
    return this.view(await this.find(id, scope));
  }

  /**
   * Changes url, events, description, channels, profile, headers, rate limit or the active flag.
   * `headers` replaces the whole map (null removes them); `rateLimit: null` removes the limit.
   * Re-enabling resumes parked deliveries.
   */
  async update(id: string, patch: UpdateSubscriptionInput, scope: TenantScope = {}): Promise<SubscriptionView> {
    const row = await this.find(id, scope);
    if (patch.url !== undefined) row.url = this.checkUrl(patch.url);
    if (patch.events !== undefined) row.events = [...new Set(this.checkEvents(patch.events))];
    if (patch.description !== undefined) row.description = this.checkDescription(patch.description);
    if (patch.channels !== undefined) row.channels = this.checkChannels(patch.channels);
    if (patch.profile !== undefined) row.profile = this.checkProfile(patch.profile);
    if (patch.headers !== undefined) {
      row.headersEnc = this.deps.headers.seal(this.checkHeaders(patch.headers, row.profile));
    } else if (patch.profile !== undefined && row.headersEnc) {
      // The headers stay: the new profile may set one of their names itself.
      this.checkHeaders(this.deps.headers.open(row.headersEnc), row.profile);
    }
    if (patch.rateLimit !== undefined) {
      // A new limit starts from a full bucket: the old one's arithmetic does not carry over.
      Object.assign(row, rateLimitColumns(this.checkRateLimit(patch.rateLimit)), { rateSecondTatUs: null, rateMinuteTatUs: null, rateLimitedUntil: null });
    }
    const resuming = patch.isActive === true && !row.isActive;
    if (patch.isActive !== undefined) {
      if (typeof patch.isActive !== 'boolean') throw new InvalidSubscriptionError('is_active must be a boolean.', { pointer: '/is_active' });
      row.isActive = patch.isActive;
      row.disabledReason = patch.isActive ? null : 'Disabled by request.';
    }
    row.updatedAt = this.deps.clock.now();
    await this.repo.save(row);
    if (resuming) await this.resumeParked(row.id);
    return this.view(row);
  }

  /** Deletes a subscription; its pending deliveries end as failed, the log keeps them. */
  async remove(id: string, scope: TenantScope = {}): Promise<void> {
    const row = await this.find(id, scope);
    const now = this.deps.clock.now().getTime();
    await this.deps.dataSource.transaction(async (manager) => {
      await this.deps.sql.execute(
        `UPDATE ${this.deps.sql.tables.delivery} SET status = 'failed', next_attempt_at = NULL, last_error = :error, updated_at = :now
          WHERE subscription_id = :id AND status = 'pending'`,
        { id: row.id, error: 'The subscription was deleted.', now },
        manager,
      );
      await manager.delete(WebhookSubscriptionEntity.name, { id: row.id });
    });
  }

  /** Issues a new secret; the old one keeps signing for `graceSeconds` so receivers can switch over. */
  async rotateSecret(id: string, options: { graceSeconds?: number } & TenantScope = {}): Promise<SubscriptionWithSecret> {
    const graceSeconds = options.graceSeconds ?? this.deps.secretGraceSeconds;
    if (!Number.isFinite(graceSeconds) || graceSeconds < 0 || graceSeconds > 30 * 86_400) {
      throw new InvalidSubscriptionError('grace_seconds must be between 0 and 2592000 (30 days).', { pointer: '/grace_seconds' });
    }
    const row = await this.find(id, options);
    const secret = generateSecret({ scheme: this.deps.profiles.forSubscription(row.profile).profile.signer.scheme });
    const now = this.deps.clock.now();
    row.secretPreviousEnc = graceSeconds > 0 ? row.secretCurrentEnc : null;
    row.secretPreviousExpiresAt = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
    row.secretCurrentEnc = this.deps.secrets.seal(secret);
    row.updatedAt = now;
    await this.repo.save(row);
    return { ...this.view(row), secret };
  }

  private view(row: WebhookSubscriptionEntity): SubscriptionView {
    return toSubscriptionView(row, row.headersEnc ? this.deps.headers.open(row.headersEnc) : null);
  }

  private async resumeParked(subscriptionId: string): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const rows = await this.deps.sql.updateReturning<{ id: string }>(
      {
        table: this.deps.sql.tables.delivery,
        set: 'next_attempt_at = :now, last_error = NULL, updated_at = :now',
        where: `subscription_id = :id AND status = 'pending' AND next_attempt_at IS NULL`,
        returning: ['id'],
      },
      { id: subscriptionId, now },
    );
    await this.deps.enqueuer.enqueueNewBySubscription([{ subscriptionId, deliveryIds: rows.map((r) => r.id) }]);
  }

  private async find(id: string, scope: TenantScope): Promise<WebhookSubscriptionEntity> {
    const row = typeof id === 'string' ? await this.repo.findOneBy({ id }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new SubscriptionNotFoundError(`No subscription ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    return row;
  }

  private checkTenant(tenant: unknown): string {
    if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128) {
      throw new InvalidSubscriptionError('tenant must be a non-empty string of at most 128 characters.', { pointer: '/tenant' });
    }
    return tenant;
  }

  private checkUrl(url: unknown): string {
    if (typeof url !== 'string' || url.length === 0) throw new InvalidSubscriptionError('url is required.', { pointer: '/url' });
    if (url.length > 2048) throw new InvalidSubscriptionError('url must be at most 2048 characters.', { pointer: '/url' });
    try {
      checkSubscriptionUrl(url, this.deps.urlGuard);
    } catch (error) {
      if (!isHooklineError(error)) throw error;
      throw new InvalidSubscriptionError(error.message, { pointer: '/url', cause: error });
    }
    return url;
  }

  private checkEvents(events: unknown): string[] {
    if (!Array.isArray(events) || events.length === 0) {
      throw new InvalidSubscriptionError('events must be a non-empty array of event types or wildcards such as "points.*".', {
        pointer: '/events',
      });
    }
    events.forEach((event, index) => {
      if (typeof event !== 'string') throw new InvalidSubscriptionError('Each event must be a string.', { pointer: `/events/${index}` });
      try {
        this.deps.catalog.validateFilter(event, `/events/${index}`);
      } catch (error) {
        if (!isHooklineError(error)) throw error;
        throw new InvalidSubscriptionError(error.message, { pointer: `/events/${index}`, cause: error });
      }
    });
    return events as string[];
  }

  private checkChannels(channels: unknown): string[] | null {
    if (channels === undefined || channels === null) return null;
    if (!Array.isArray(channels) || channels.some((c) => typeof c !== 'string' || c.length === 0 || c.length > 128)) {
      throw new InvalidSubscriptionError('channels must be an array of non-empty strings.', { pointer: '/channels' });
    }
    return channels.length > 0 ? [...new Set(channels as string[])] : null;
  }

  private checkProfile(profile: string | null | undefined): string | null {
    if (profile === null || profile === undefined) return null;
    if (typeof profile !== 'string' || !this.deps.profiles.has(profile)) {
      throw new InvalidSubscriptionError(`Unknown profile "${String(profile)}"; use one of ${this.deps.profiles.names().join(', ')}.`, {
        pointer: '/profile',
      });
    }
    return profile;
  }

  /** The headers to store (null for none), checked against the names `profile` sets itself. */
  private checkHeaders(headers: unknown, profile: string | null): Record<string, string> | null {
    const [issue] = subscriptionHeaderIssues(headers, builtHeaderNames(this.deps.profiles.forSubscription(profile)));
    if (issue) throw new InvalidSubscriptionHeaderError(issue.detail, { pointer: issue.pointer });
    const valid = headers as Record<string, string> | null | undefined;
    return valid && Object.keys(valid).length > 0 ? { ...valid } : null;
  }

  private checkRateLimit(rateLimit: unknown): RateLimit | null {
    const issue = rateLimitIssue(rateLimit);
    if (issue) throw new InvalidRateLimitError(issue.detail, { pointer: issue.pointer });
    return (rateLimit as RateLimit | null | undefined) ?? null;
  }

  private checkDescription(description: unknown): string | null {
    if (description === undefined || description === null) return null;
    if (typeof description !== 'string' || description.length > 512) {
      throw new InvalidSubscriptionError('description must be a string of at most 512 characters.', { pointer: '/description' });
    }
    return description;
  }
}
