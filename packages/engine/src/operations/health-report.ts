import { waitAtMost } from '../queue/wait-at-most';

export interface HealthVerdict {
  up: boolean;
  detail: Record<string, unknown>;
}

export type CheckStatus = { status: 'up' | 'down' } & Record<string, unknown>;

/** The answer of `/health`, in the shape load balancers and @nestjs/terminus users know. */
export interface HealthReport {
  status: 'ok' | 'error';
  info: Record<string, CheckStatus>;
  error: Record<string, CheckStatus>;
  details: Record<string, CheckStatus>;
}

const CHECK_TIMEOUT_MS = 3_000;

/** Runs every check at once; one that throws or answers nothing within 3 s is down. */
export async function runHealthChecks(checks: Record<string, () => Promise<HealthVerdict>>, withDetail: boolean): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await settle(check)] as const));
  const report: HealthReport = { status: 'ok', info: {}, error: {}, details: {} };
  for (const [name, verdict] of entries) {
    // Without the operator's token, only up or down: queue counts and timings are nobody else's business.
    const shown: CheckStatus = { status: verdict.up ? 'up' : 'down', ...(withDetail && verdict.detail) };
    (verdict.up ? report.info : report.error)[name] = shown;
    report.details[name] = shown;
    if (!verdict.up) report.status = 'error';
  }
  return report;
}

async function settle(check: () => Promise<HealthVerdict>): Promise<HealthVerdict> {
  const verdict = check();
  if (!(await waitAtMost(verdict, CHECK_TIMEOUT_MS))) return { up: false, detail: { message: `no answer within ${CHECK_TIMEOUT_MS} ms` } };
  try {
    return await verdict;
  } catch (error) {
    return { up: false, detail: { message: (error as Error).message } };
  }
}
