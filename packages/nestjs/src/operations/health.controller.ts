import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { HOOKLINE_RUNTIME } from '../module/tokens';
import type { HooklineRuntime } from '../runtime/hookline-runtime';
import { HooklineHealth, type HealthVerdict } from './hookline-health';

const CHECK_TIMEOUT_MS = 3_000;

/** `/{prefix}/health` for load balancers and orchestrators: 200 when up, 503 with the failing check. */
@ApiExcludeController()
@Controller()
export class HealthController {
  private readonly health: HooklineHealth;

  constructor(
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HOOKLINE_RUNTIME) runtime: HooklineRuntime,
  ) {
    this.health = new HooklineHealth(runtime);
  }

  @Get('health')
  @HealthCheck()
  check() {
    return this.checks.check([
      () => this.verdict('database', () => this.health.database()),
      () => this.verdict('queue', () => this.health.queue()),
      () => this.verdict('sweeper', async () => this.health.sweeper()),
    ]);
  }

  private async verdict<Key extends string>(key: Key, run: () => Promise<HealthVerdict>) {
    const session = this.indicators.check(key);
    try {
      const verdict = await Promise.race([
        run(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
      ]);
      return verdict.up ? session.up(verdict.detail) : session.down(verdict.detail);
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
