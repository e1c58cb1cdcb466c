import type { HooklineOptions } from '@hookline/engine';
import type { BridgeOptions } from '../bridge/bridge-options';

/** The engine's options, plus what only a Nest app has: domain events on its EventEmitter. */
export interface WebhooksModuleOptions extends HooklineOptions {
  bridge?: BridgeOptions;
}
