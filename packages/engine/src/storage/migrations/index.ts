import { HooklineInit1763900000000 } from './1763900000000-hookline-init';
import { HooklineApiKeys1763900000001 } from './1763900000001-hookline-api-keys';
import { HooklineEndpointHealth1763900000002 } from './1763900000002-hookline-endpoint-health';
import { HooklineEndpointPacing1763900000003 } from './1763900000003-hookline-endpoint-pacing';
import { HooklineInbox1763900000004 } from './1763900000004-hookline-inbox';
import { HooklinePortalSessions1763900000005 } from './1763900000005-hookline-portal-sessions';
import { HooklineSubscriptionHeaders1763900000006 } from './1763900000006-hookline-subscription-headers';
import { HooklineTraceContext1763900000007 } from './1763900000007-hookline-trace-context';
import { HooklineAttemptHeaders1763900000008 } from './1763900000008-hookline-attempt-headers';
import { HooklineRateLimits1763900000009 } from './1763900000009-hookline-rate-limits';
import { HooklineOrderingKeys1763900000010 } from './1763900000010-hookline-ordering-keys';

/** Hookline's migrations, oldest first, for PostgreSQL, MySQL/MariaDB and SQLite alike: `hookline-migrate up` runs them, or append them to the host DataSource's `migrations`. */
export const HOOKLINE_MIGRATIONS = [
  HooklineInit1763900000000,
  HooklineApiKeys1763900000001,
  HooklineEndpointHealth1763900000002,
  HooklineEndpointPacing1763900000003,
  HooklineInbox1763900000004,
  HooklinePortalSessions1763900000005,
  HooklineSubscriptionHeaders1763900000006,
  HooklineTraceContext1763900000007,
  HooklineAttemptHeaders1763900000008,
  HooklineRateLimits1763900000009,
  HooklineOrderingKeys1763900000010,
];
