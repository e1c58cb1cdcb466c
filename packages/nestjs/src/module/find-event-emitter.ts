import type { ModuleRef } from '@nestjs/core';
import type { EventEmitterLike } from '@hookline/engine';

/**
 * The host's EventEmitter2, when it imported EventEmitterModule. Looked up lazily so apps that
 * do not use @nestjs/event-emitter need not install it.
 */
export function findEventEmitter(moduleRef: ModuleRef): EventEmitterLike | undefined {
  let token: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer dependency, loaded only if installed
    token = require('@nestjs/event-emitter').EventEmitter2;
  } catch {
    return undefined;
  }
  try {
    return moduleRef.get(token as never, { strict: false });
  } catch {
    return undefined;
  }
}
